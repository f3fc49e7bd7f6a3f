package com.agentfactory.inventory.forecast;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Expected units per day with 80% and 95% prediction intervals, and what the ensemble learnt from.
 *
 * @param weights each model's weight in this SKU's forecast
 * @param historyDays the days since the SKU's first order inside the history window
 * @param pooledSkus the SKUs the models were fitted on together, this one included
 * @param calibrationWeeks the last weeks before the origin the weights and intervals were calibrated on
 */
record DemandForecastResponse(
        String sku,
        String location,
        LocalDate origin,
        String model,
        Map<String, Double> weights,
        int historyDays,
        int pooledSkus,
        int calibrationWeeks,
        List<Day> days) {

    // explicit names: snake_case alone would not separate the digits (lower80)
    record Day(
            LocalDate date,
            double expected,
            @JsonProperty("lower_80") double lower80,
            @JsonProperty("upper_80") double upper80,
            @JsonProperty("lower_95") double lower95,
            @JsonProperty("upper_95") double upper95) {}
}
