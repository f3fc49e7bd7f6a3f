package com.agentfactory.inventory.stock;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a cancellation read before its order waits for that order (see {@link PendingCancellationPurge}).
 *
 * @param retention how long after it was received a cancellation whose order never arrived is forgotten: well beyond
 *     the longest the orders consumer can lag behind or a replay of commerce.orders can take, as a cancellation
 *     forgotten before its order arrives never gives that order's units back. What a credit note in the cut-over
 *     grace period gave back beyond its customer's recorded orders is forgotten this long after the credit note, and a
 *     reservation this long after it closed
 * @param sweepInterval how often the kept cancellations are looked through
 * @param batchSize most cancellations forgotten in one statement, so a backlog is worked off in short transactions
 * @param cutOverGrace how long after what orders took was first recorded (V16) a cancellation of an order not
 *     recorded, or one naming no order beyond what its customer's recorded orders took, still gives back what it
 *     asks instead of waiting: its order may have been applied before the record began. At least as long as orders
 *     are cancelled after they are placed; zero only for cancellations that occurred before the record began
 * @param numberRetention how long after such a cancellation in the grace period last gave back its cancellation
 *     number is kept: it is all that tells the storefront's resend of the same cancellation or credit note, under
 *     another event id, from a new one, and a resend read after it is forgotten gives the units back again. Well
 *     beyond the longest the storefront may send one again, and beyond the processed-message claims' retention (30
 *     days by default), so a replay of the topic that outlives its claims still finds the numbers. Only cancellations
 *     in the grace period add numbers, so a long retention keeps few rows, and none the retention after it ended
 */
@Validated
@ConfigurationProperties("agentfactory.inventory.pending-cancellations")
record PendingCancellationProperties(
        @DefaultValue("30d") @NotNull Duration retention,
        @DefaultValue("1h") @NotNull Duration sweepInterval,
        @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("90d") @NotNull Duration cutOverGrace,
        @DefaultValue("180d") @NotNull Duration numberRetention) {

    @AssertTrue(message = "retention must be at least a day: a cancellation whose order is merely late would be lost")
    boolean isRetentionAtLeastADay() {
        return retention == null || retention.compareTo(Duration.ofDays(1)) >= 0;
    }

    @AssertTrue(
            message = "number-retention must be at least 30 days: a cancellation the storefront sends again would give"
                    + " its units back again")
    boolean isNumberRetentionAtLeastAMonth() {
        return numberRetention == null || numberRetention.compareTo(Duration.ofDays(30)) >= 0;
    }

    @AssertTrue(message = "cut-over-grace must not be negative")
    boolean isCutOverGraceNotNegative() {
        return cutOverGrace == null || !cutOverGrace.isNegative();
    }

    @AssertTrue(message = "sweep-interval must be positive")
    boolean isSweepIntervalPositive() {
        return sweepInterval == null || sweepInterval.isPositive();
    }
}
