package com.agentfactory.inventory.forecast;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/** Expected units per day with 80% and 95% prediction intervals, and what the model learnt from. */
record DemandForecastResponse(
        String sku,
        String location,
        LocalDate origin,
        String model,
        int historyDays,
        double residualSd,
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
