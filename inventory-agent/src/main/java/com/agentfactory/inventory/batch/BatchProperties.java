package com.agentfactory.inventory.batch;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a daily run shows it is at work, and when one still marked running is taken for one that will never finish
 * (see {@link StaleBatchRunSweep}).
 *
 * @param heartbeatInterval how often at most a run records a heartbeat as its steps progress
 * @param silentAfter how long after its last heartbeat a run still running is given up as interrupted: well beyond the
 *     longest step between two heartbeats (fitting one group of SKUs), as a run given up while still at work would
 *     later overwrite its own failure with its report; at least three heartbeat intervals, so that one late heartbeat
 *     does not give up a live run
 * @param sweepInterval how often the running runs are looked through
 */
@Validated
@ConfigurationProperties("agentfactory.inventory.batch")
record BatchProperties(
        @DefaultValue("1m") @NotNull Duration heartbeatInterval,
        @DefaultValue("30m") @NotNull Duration silentAfter,
        @DefaultValue("10m") @NotNull Duration sweepInterval) {

    @AssertTrue(message = "heartbeat-interval must be positive")
    boolean isHeartbeatIntervalPositive() {
        return heartbeatInterval == null || heartbeatInterval.isPositive();
    }

    @AssertTrue(message = "silent-after must be at least ten minutes: a run still at work would be given up")
    boolean isSilentAfterAtLeastTenMinutes() {
        return silentAfter == null || silentAfter.compareTo(Duration.ofMinutes(10)) >= 0;
    }

    @AssertTrue(message = "silent-after must be at least three heartbeat intervals: a live run would be given up")
    boolean isSilentAfterAtLeastThreeHeartbeats() {
        return silentAfter == null
                || heartbeatInterval == null
                || silentAfter.compareTo(heartbeatInterval.multipliedBy(3)) >= 0;
    }

    @AssertTrue(message = "sweep-interval must be positive")
    boolean isSweepIntervalPositive() {
        return sweepInterval == null || sweepInterval.isPositive();
    }
}
