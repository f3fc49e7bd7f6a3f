package com.agentfactory.supervisor.lifecycle;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a task an agent has taken (ASSIGNED, RUNNING) is handed to a person because nothing has been heard of it.
 *
 * @param after how long a task may go without any change (a report, a progress update) before it is escalated: longer
 *     than the slowest agent task between two of its progress reports, or such tasks would be taken from working agents
 * @param interval how often the sweep looks
 */
@Validated
@ConfigurationProperties("agentfactory.lifecycle.stale-task")
record StaleTaskProperties(
        @DefaultValue("30m") @NotNull Duration after,
        @DefaultValue("1m") @NotNull Duration interval) {

    @AssertTrue(message = "after must be at least 1 minute: shorter would take tasks from agents still working on them")
    boolean isAfterLongEnough() {
        return after == null || after.compareTo(Duration.ofMinutes(1)) >= 0;
    }

    @AssertTrue(message = "interval must be from 10 ms to 1 hour")
    boolean isIntervalBounded() {
        return interval == null
                || (interval.compareTo(Duration.ofMillis(10)) >= 0 && interval.compareTo(Duration.ofHours(1)) <= 0);
    }
}
