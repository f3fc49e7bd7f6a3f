package com.agentfactory.inventory.forecast;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How forecasts are fitted.
 *
 * @param pooledSkus the SKUs one forecast is fitted together with (the requested one and the busiest others): the
 *     gradient-boosted trees and the interval calibration learn across SKUs, one SKU alone is too few
 * @param historyWeeks the weeks of orders before the origin the models learn from
 * @param calibrationBlocks the most weeks at the end of the history kept out to weigh the models and calibrate
 *     the intervals (fewer for shorter horizons)
 * @param rounds the trees' boosting rounds
 * @param threads the trees' native threads
 * @param batchPooledSkus the SKUs the daily run fits together, busiest first (the backtest's 500 by default)
 * @param holidayCountry the ISO country whose public holidays and paydays the trees see ({@code none} for none)
 * @param holidaySubdivision a region of that country with its own holidays (Jollyday's code, {@code eng} for England)
 */
@Validated
@ConfigurationProperties("agentfactory.inventory.forecast")
public record ForecastProperties(
        @DefaultValue("30") @Min(1) @Max(5000) int pooledSkus,
        @DefaultValue("52") @Min(26) @Max(156) int historyWeeks,
        @DefaultValue("8") @Min(1) @Max(26) int calibrationBlocks,
        @DefaultValue("100") @Min(10) @Max(5000) int rounds,
        @DefaultValue("1") @Min(1) @Max(64) int threads,
        @DefaultValue("500") @Min(1) @Max(5000) int batchPooledSkus,
        @DefaultValue("GB") @NotBlank @Size(max = 16) String holidayCountry,
        @DefaultValue("eng") @Size(max = 16) String holidaySubdivision) {

    /** The configured calendar; an unknown country stops the agent at start-up rather than forecast without it. */
    public DemandCalendar calendar() {
        return DemandCalendar.of(holidayCountry, holidaySubdivision);
    }
}
