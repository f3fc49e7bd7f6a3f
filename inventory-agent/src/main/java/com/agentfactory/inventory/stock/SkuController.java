package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.paging.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stocked SKUs, for staff (a path apart from the stock levels, which shoppers may read). */
@RestController
@RequestMapping("/api/v1/inventory/skus")
class SkuController {

    /** The last page one may ask for: its offset, (page - 1) × limit, must stay within an int, or the query fails. */
    private static final int MAX_PAGE = 100_000;

    private final StockService stock;

    SkuController(StockService stock) {
        this.stock = stock;
    }

    /** In name order; {@code q} keeps the SKUs whose name contains it, case-insensitively. */
    @GetMapping
    PageResponse<StockedSkuResponse> search(
            @RequestParam(required = false) @Size(max = 64) String q,
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return stock.search(q, page, limit);
    }
}
