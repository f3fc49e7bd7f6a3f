package com.agentfactory.gateway.resilience;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway waits for each service, when it stops calling one that keeps failing, and how many calls
 * it lets wait on one service at a time. Keys of {@code timeouts} are route ids (as {@code support-agent}).
 */
@Validated
@ConfigurationProperties("agentfactory.resilience")
record ResilienceProperties(
        @NotNull @DefaultValue("10s") Duration defaultTimeout,
        @DefaultValue Map<String, Duration> timeouts,

        @DecimalMin("1") @DecimalMax("100") @DefaultValue("50")
        float failureRateThreshold,

        @Min(1) @DefaultValue("20") int slidingWindowSize,
        @Min(1) @DefaultValue("10") int minimumNumberOfCalls,
        @NotNull @DefaultValue("10s") Duration waitInOpenState,
        @Min(1) @DefaultValue("256") int maxConcurrentCallsPerRoute) {

    Duration timeoutOf(String routeId) {
        return timeouts.getOrDefault(routeId, defaultTimeout);
    }
}
