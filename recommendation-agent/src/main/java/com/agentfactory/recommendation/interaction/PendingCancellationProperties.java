package com.agentfactory.recommendation.interaction;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a cancellation read before its order waits for that order (see {@link PendingCancellationPurge}).
 *
 * @param retention how long after it was received a cancellation whose order never arrived is forgotten: well beyond
 *     the longest the commerce consumer can lag behind or a replay of commerce.orders can take, as a cancellation
 *     forgotten before its order arrives leaves the order's products learned from and filtered out as bought
 * @param sweepInterval how often the kept cancellations are looked through
 * @param batchSize most cancellations forgotten in one statement, so a backlog is worked off in short transactions
 */
@Validated
@ConfigurationProperties("agentfactory.recommendation.pending-cancellations")
record PendingCancellationProperties(
        @NotNull Duration retention,
        @NotNull Duration sweepInterval,
        @Min(1) @Max(10_000) int batchSize) {

    @AssertTrue(message = "retention must be at least a day: a cancellation whose order is merely late would be lost")
    boolean isRetentionAtLeastADay() {
        return retention == null || retention.compareTo(Duration.ofDays(1)) >= 0;
    }

    @AssertTrue(message = "sweep-interval must be positive")
    boolean isSweepIntervalPositive() {
        return sweepInterval == null || sweepInterval.isPositive();
    }
}
