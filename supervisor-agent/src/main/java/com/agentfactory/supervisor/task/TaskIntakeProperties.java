package com.agentfactory.supervisor.task;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Group commit of task intake: how many tasks one transaction takes at most, how many writer threads
 * commit in parallel, and how many tasks may wait before intake answers 503.
 *
 * @param heldWritePatience how much longer than intake's own wait a request is waited for once a writer has taken
 *     it into a transaction: it may still commit, so it cannot be answered "not stored"; past this the caller is
 *     told the outcome is unknown instead of being held for as long as the database hangs
 * @param erasureRetryAfter how long a caller whose task names a customer being erased is asked to wait (Retry-After,
 *     in whole seconds rounded up) before retrying: the erasure holds the customer for its whole run, so a retry
 *     after the second of an ordinary "not stored" would mostly be refused again
 */
@Validated
@ConfigurationProperties("agentfactory.tasks")
record TaskIntakeProperties(
        @DefaultValue("500") @Min(1) int writeBatchSize,
        @DefaultValue("2") @Min(1) int writerThreads,
        @DefaultValue("20000") @Min(1) int writeQueueCapacity,
        @DefaultValue("3s") @NotNull Duration heldWritePatience,
        @DefaultValue("5s") @NotNull Duration erasureRetryAfter) {

    @AssertTrue(message = "held_write_patience must be from 1 ms to 10 minutes")
    boolean isHeldWritePatienceBounded() {
        return heldWritePatience == null
                || (heldWritePatience.compareTo(Duration.ofMillis(1)) >= 0
                        && heldWritePatience.compareTo(Duration.ofMinutes(10)) <= 0);
    }

    @AssertTrue(message = "erasure_retry_after must be from 1 s to 10 minutes")
    boolean isErasureRetryAfterBounded() {
        return erasureRetryAfter == null
                || (erasureRetryAfter.compareTo(Duration.ofSeconds(1)) >= 0
                        && erasureRetryAfter.compareTo(Duration.ofMinutes(10)) <= 0);
    }
}
