package com.agentfactory.messaging.runtime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who this agent is and how it consumes its task topics. Setting {@code agentfactory.agent.type}
 * switches the runtime on.
 */
@Validated
@ConfigurationProperties("agentfactory.agent")
public record AgentRuntimeProperties(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,48}") String type,
        UUID id,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("1s") Duration maxPriorityWait,
        @Valid @DefaultValue Retry retry,
        @Valid @DefaultValue Concurrency concurrency) {

    public UUID effectiveId() {
        return id != null ? id : AgentIds.forType(type);
    }

    /**
     * In-process retries with exponential backoff before a task is failed and dead-lettered. A failure of the
     * infrastructure (the database away) follows the same curve, capped at 30 s, without a last attempt.
     */
    public record Retry(
            @DefaultValue("3") @Min(0) @Max(20) int maxRetries,
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval) {

        /** The values above, for listeners of services that are not agents and so bind no agent properties. */
        public static Retry defaults() {
            return new Retry(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5));
        }
    }

    /** Consumer threads per priority band. */
    public record Concurrency(
            @DefaultValue("2") @Min(1) @Max(16) int high,
            @DefaultValue("1") @Min(1) @Max(16) int normal,
            @DefaultValue("1") @Min(1) @Max(16) int low) {}
}
