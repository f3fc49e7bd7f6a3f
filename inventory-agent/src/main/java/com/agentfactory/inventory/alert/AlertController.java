package com.agentfactory.inventory.alert;

import com.agentfactory.messaging.paging.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory/alerts")
class AlertController {

    /** The last page one may ask for: its offset, (page - 1) × limit, must stay within an int, or the query fails. */
    private static final int MAX_PAGE = 100_000;

    private final StockAlerts alerts;

    AlertController(StockAlerts alerts) {
        this.alerts = alerts;
    }

    /** Newest first; {@code type} is low_stock, out_of_stock, overstock, slow_moving or expiry_risk. */
    @GetMapping
    PageResponse<StockAlertResponse> search(
            @RequestParam(required = false) @Size(max = 64) String sku,
            @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "1") @Min(1) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return alerts.search(sku, type, page, limit);
    }
}
