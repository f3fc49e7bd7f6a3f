package com.agentfactory.campaign.pacing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Quiet hours (a daily window in the customer's time zone, or the store's when the customer has none, in
 * which the listed channels wait) and frequency caps (at most {@code max} sends per channel in any
 * {@code period}). Both defer a send; neither drops it.
 */
@ConfigurationProperties("agentfactory.campaign.pacing")
@Validated
record PacingProperties(
        @NotNull ZoneId storeTimeZone,
        @NotNull @Valid QuietHours quietHours,
        @NotNull Map<String, @Valid @NotNull FrequencyCap> frequencyCaps) {

    record QuietHours(
            boolean enabled,
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            @NotNull Set<String> channels) {

        @AssertTrue(message = "start and end must differ")
        boolean isAWindow() {
            return start == null || !start.equals(end);
        }
    }

    record FrequencyCap(@Min(1) int max, @NotNull Duration period) {

        @AssertTrue(message = "period must be positive")
        boolean isPeriodPositive() {
            return period == null || period.isPositive();
        }
    }
}
