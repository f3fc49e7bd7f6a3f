package com.agentfactory.messaging.client;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What the agents' clients of other services share: calls bounded by their timeouts, the calling agent's credentials
 * on each, a circuit breaker that stops calling a service that keeps failing, and a bulkhead that bounds the calls
 * waiting on one service at a time, so a slow service holds a few of the caller's threads, not all of them. Built
 * from Resilience4j's core module, since its Spring Boot module exists for Boot 3 only.
 */
public final class ServiceCalls {

    private static final int HALF_OPEN_TRIAL_CALLS = 2;

    private ServiceCalls() {}

    /** @param authentication puts the calling agent's credentials on each request */
    public static RestClient restClient(
            String baseUrl,
            Duration connectTimeout,
            Duration readTimeout,
            ClientHttpRequestInterceptor authentication) {
        var requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .requestInterceptor(authentication)
                .build();
    }

    /**
     * Opens when at least half of the last ten calls (five at the least) failed in the way {@code failure} tells;
     * after {@code waitInOpenState} two trial calls decide whether it closes again.
     */
    public static CircuitBreaker circuitBreaker(String name, Duration waitInOpenState, Predicate<Throwable> failure) {
        return CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(50)
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(5)
                        .waitDurationInOpenState(waitInOpenState)
                        .permittedNumberOfCallsInHalfOpenState(HALF_OPEN_TRIAL_CALLS)
                        .recordException(failure)
                        .build());
    }

    /**
     * At most {@code maxConcurrentCalls} calls in flight; one more is refused at once rather than queued, since a
     * queue in front of a slow service only grows.
     */
    public static Bulkhead bulkhead(String name, int maxConcurrentCalls) {
        return Bulkhead.of(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(maxConcurrentCalls)
                        .maxWaitDuration(Duration.ZERO)
                        .build());
    }
}
