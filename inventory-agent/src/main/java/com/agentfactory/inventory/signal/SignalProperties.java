package com.agentfactory.inventory.signal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How views and cart additions adjust near-term demand.
 *
 * @param recentWindow the signals compared with the SKU's usual level: the last day by default
 * @param baselineDays the days before the recent window that give the SKU's usual daily level
 * @param minimumBaselineDays how long signals must have been collected before any SKU is adjusted
 * @param viewWeight what one product view counts for, in units put in a cart
 * @param priorSignals signal units a day added to both the recent and the usual level, so a SKU with few signals
 *     (three views instead of one) is not read as a surge
 * @param minimumLift the lowest a lift goes when signals fall away
 * @param maximumLift the highest a lift goes on a surge
 * @param decayPerDay how much of the lift is left each further day ahead (a surge today says less about next week)
 */
@Validated
@ConfigurationProperties("agentfactory.inventory.signals")
public record SignalProperties(
        @DefaultValue("24h") @NotNull Duration recentWindow,
        @DefaultValue("28") @Min(1) @Max(365) int baselineDays,
        @DefaultValue("7") @Min(1) @Max(365) int minimumBaselineDays,

        @DefaultValue("0.1") @DecimalMin("0") @DecimalMax("1")
        double viewWeight,

        @DefaultValue("5") @DecimalMin("0.1") double priorSignals,

        @DefaultValue("0.5") @DecimalMin("0.1") @DecimalMax("1")
        double minimumLift,

        @DefaultValue("4") @DecimalMin("1") @DecimalMax("20")
        double maximumLift,

        @DefaultValue("0.7") @DecimalMin("0") @DecimalMax("1")
        double decayPerDay) {

    @AssertTrue(message = "recent_window must be whole hours, from 1 hour to 7 days")
    boolean isRecentWindowWholeHours() {
        return recentWindow.toMinutesPart() == 0
                && recentWindow.toSecondsPart() == 0
                && recentWindow.compareTo(Duration.ofHours(1)) >= 0
                && recentWindow.compareTo(Duration.ofDays(7)) <= 0;
    }

    @AssertTrue(message = "minimum_baseline_days must not exceed baseline_days")
    boolean isMinimumBaselineWithinBaseline() {
        return minimumBaselineDays <= baselineDays;
    }

    /** Signals older than this are read by no window. */
    Duration lookback() {
        return recentWindow.plus(Duration.ofDays(baselineDays + 1L));
    }
}
