package com.agentfactory.inventory.signal;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory/signals")
class DemandSignalsController {

    private final DemandSignals signals;

    DemandSignalsController(DemandSignals signals) {
        this.signals = signals;
    }

    /** The SKU's views and cart additions now against its usual level, and the lift on its expected demand. */
    @ApiResponse(responseCode = "200", description = "The SKU's demand signals")
    @ApiResponse(responseCode = "404", description = "No stock is kept for that SKU")
    @GetMapping("/{sku}")
    DemandSignalsResponse of(@PathVariable String sku) {
        return signals.of(sku);
    }
}
