package com.agentfactory.inventory.forecast;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A person's expected demand for a SKU, in place of the forecast, for reorder plans and stock-cover alerts.
 *
 * @param dailyUnits expected units per day, all warehouses together
 * @param validFrom the first day it applies (today when absent)
 * @param validUntil the day it no longer applies: every override expires
 * @param reason why the forecast is wrong (a promotion, a lost customer, ...)
 */
record CreateForecastOverrideRequest(
        @NotBlank @Size(max = 64) String sku,
        @NotNull @DecimalMin("0") @DecimalMax("1000000") Double dailyUnits,
        LocalDate validFrom,
        @NotNull LocalDate validUntil,
        @NotBlank @Size(max = 500) String reason) {}
