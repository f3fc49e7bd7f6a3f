package com.agentfactory.inventory.forecast;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A daily demand forecast to make.
 *
 * @param location one warehouse, or all together when absent
 * @param horizonDays days to forecast, 1 day to 6 months
 * @param origin the first forecast day; the model learns from the year before it. Today when absent
 */
record ForecastDemandRequest(
        @NotBlank @Size(max = 64) String sku,
        @Size(max = 64) String location,
        @NotNull @Min(1) @Max(183) Integer horizonDays,
        LocalDate origin) {}
