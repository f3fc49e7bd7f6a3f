package com.agentfactory.inventory.forecast;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory/demand")
class DemandHistoryController {

    private final DemandHistoryQuery history;

    DemandHistoryController(DemandHistoryQuery history) {
        this.history = history;
    }

    /**
     * Units ordered per day, every day of {@code [from, until)} listed (zero on days without orders): the actuals a
     * forecast chart draws. Defaults to the 90 days up to today; at most two years; 404 for a SKU without stock.
     */
    @GetMapping("/{sku}")
    DemandHistoryResponse history(
            @PathVariable @Size(max = 64) String sku,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(required = false) @Size(max = 64) String location) {
        return history.history(sku, from, until, location);
    }
}
