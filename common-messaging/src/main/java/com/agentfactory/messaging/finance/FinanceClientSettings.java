package com.agentfactory.messaging.finance;

import java.time.Duration;

/**
 * Where finance is and how long to wait for it.
 *
 * @param baseUrl finance-service's base URL (env {@code FINANCE_URL} in the agents' configuration)
 * @param retryAttempts attempts per call, the first included; only unanswered calls and 5xx are retried
 * @param waitInOpenState how long the circuit stays open before it lets trial calls through
 */
public record FinanceClientSettings(
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        int retryAttempts,
        Duration retryWait,
        Duration waitInOpenState) {}
