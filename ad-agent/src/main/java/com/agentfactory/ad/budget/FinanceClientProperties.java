package com.agentfactory.ad.budget;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where finance is and how long to wait for it.
 *
 * @param url finance-service's base URL (env {@code FINANCE_URL})
 * @param department the finance budget ad spend is reserved from
 */
@Validated
@ConfigurationProperties("agentfactory.ad.finance")
public record FinanceClientProperties(
        @NotBlank String url,
        @NotBlank String department,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        int retryAttempts) {}
