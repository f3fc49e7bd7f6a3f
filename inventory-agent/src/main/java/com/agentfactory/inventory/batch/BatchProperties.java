package com.agentfactory.inventory.batch;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a daily run still marked running is taken for one that will never finish (see {@link StaleBatchRunSweep}).
 *
 * @param staleAfter how long after it started a run still running is given up as interrupted: well beyond the longest
 *     a run takes, as a run given up while still at work would later overwrite its own failure with its report
 * @param sweepInterval how often the running runs are looked through
 */
@Validated
@ConfigurationProperties("agentfactory.inventory.batch")
record BatchProperties(
        @DefaultValue("6h") @NotNull Duration staleAfter,
        @DefaultValue("10m") @NotNull Duration sweepInterval) {

    @AssertTrue(message = "stale-after must be at least ten minutes: a run still at work would be given up")
    boolean isStaleAfterAtLeastTenMinutes() {
        return staleAfter == null || staleAfter.compareTo(Duration.ofMinutes(10)) >= 0;
    }

    @AssertTrue(message = "sweep-interval must be positive")
    boolean isSweepIntervalPositive() {
        return sweepInterval == null || sweepInterval.isPositive();
    }
}
