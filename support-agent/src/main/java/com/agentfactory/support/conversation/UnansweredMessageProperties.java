package com.agentfactory.support.conversation;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When a customer message that was stored but never answered goes to a person (see {@link UnansweredMessages}).
 *
 * @param after how long after its arrival a message still RECEIVED counts as lost: well beyond the longest a turn
 *     takes (the LLM's timeout, the understanding pipeline), so a turn still running is not handed over under it
 * @param sweepInterval how often the stored messages are looked through
 * @param batchSize most messages handed over in one pass, so a backlog after an outage is worked off in bounded
 *     transactions
 */
@Validated
@ConfigurationProperties("agentfactory.support.conversation.unanswered")
record UnansweredMessageProperties(
        @NotNull Duration after,
        @NotNull Duration sweepInterval,
        @Min(1) @Max(10_000) int batchSize) {

    @AssertTrue(message = "after must be at least 30 seconds: a turn still being answered would be handed over")
    boolean isAfterLongerThanATurn() {
        return after == null || after.compareTo(Duration.ofSeconds(30)) >= 0;
    }

    @AssertTrue(message = "sweep-interval must be positive")
    boolean isSweepIntervalPositive() {
        return sweepInterval == null || sweepInterval.isPositive();
    }
}
