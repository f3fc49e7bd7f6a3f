package com.agentfactory.inventory.purchasing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how the finance service is called.
 *
 * @param retryAttempts attempts per call, the first included; only unanswered calls and 5xx are retried
 */
@Validated
@ConfigurationProperties("agentfactory.inventory.finance")
public record FinanceProperties(
        @DefaultValue("http://127.0.0.1:8087") @NotNull URI baseUrl,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("5s") @NotNull Duration readTimeout,
        @DefaultValue("3") @Min(1) int retryAttempts,
        @DefaultValue("200ms") @NotNull Duration retryWait,
        @DefaultValue("30s") @NotNull Duration waitInOpenState) {}
