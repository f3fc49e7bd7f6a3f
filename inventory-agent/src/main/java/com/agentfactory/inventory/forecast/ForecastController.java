package com.agentfactory.inventory.forecast;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory/forecasts")
class ForecastController {

    private final DemandForecaster forecaster;

    ForecastController(DemandForecaster forecaster) {
        this.forecaster = forecaster;
    }

    /**
     * Fits and forecasts on request (the daily run stores its own forecasts); 404 for a SKU without stock, 422
     * without enough history.
     */
    @ApiResponse(responseCode = "200", description = "The forecast")
    @ApiResponse(responseCode = "404", description = "No stock is kept for that SKU")
    @PostMapping
    DemandForecastResponse forecast(@Valid @RequestBody ForecastDemandRequest request) {
        return forecaster.forecast(request);
    }
}
