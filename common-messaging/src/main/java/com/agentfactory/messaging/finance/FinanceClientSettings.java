package com.agentfactory.messaging.finance;

import java.time.Duration;

/**
 * Where finance is and how long to wait for it.
 *
 * @param baseUrl finance-service's base URL (env {@code FINANCE_URL} in the agents' configuration)
 * @param retryAttempts attempts per call, the first included; only unanswered calls and 5xx are retried
 * @param waitInOpenState how long the circuit stays open before it lets trial calls through
 * @param maxConcurrentCalls calls to finance in flight at once (retries included in their call); one more fails at
 *     once as finance unavailable
 */
public record FinanceClientSettings(
        String baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        int retryAttempts,
        Duration retryWait,
        Duration waitInOpenState,
        int maxConcurrentCalls) {

    /** Enough for an agent's own schedules and a burst of people approving, few enough to leave it threads. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 16;

    public FinanceClientSettings(
            String baseUrl,
            Duration connectTimeout,
            Duration readTimeout,
            int retryAttempts,
            Duration retryWait,
            Duration waitInOpenState) {
        this(
                baseUrl,
                connectTimeout,
                readTimeout,
                retryAttempts,
                retryWait,
                waitInOpenState,
                DEFAULT_MAX_CONCURRENT_CALLS);
    }
}
