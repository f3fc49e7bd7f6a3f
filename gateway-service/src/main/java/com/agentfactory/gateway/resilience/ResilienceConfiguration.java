package com.agentfactory.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each route's {@code CircuitBreaker} filter (application.yml) runs its calls through a Resilience4j circuit
 * breaker, time limiter and semaphore bulkhead named after the route. The breaker counts connection failures
 * and timeouts, not the services' own 4xx/5xx answers: those are answers, passed on as they are. Nor does it count
 * the calls its own bulkhead turns away: those are the gateway shedding a burst, not the service failing, and counted
 * as failures they opened the circuit for everyone after a few hundred milliseconds of a crowd (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
class ResilienceConfiguration {

    /**
     * The registries Resilience4j's Spring Boot module would make; that module exists for Boot 3 only, so they are
     * made here, with the same settings the per-route customizers below apply.
     */
    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(ResilienceProperties properties) {
        return CircuitBreakerRegistry.of(breaker(properties));
    }

    @Bean
    TimeLimiterRegistry timeLimiterRegistry(ResilienceProperties properties) {
        return TimeLimiterRegistry.of(timeLimiter(properties.defaultTimeout()));
    }

    @Bean
    BulkheadRegistry bulkheadRegistry(ResilienceProperties properties) {
        return BulkheadRegistry.of(bulkhead(properties));
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(ResilienceProperties properties) {
        CircuitBreakerConfig breaker = breaker(properties);
        return factory -> factory.configureDefault(routeId -> new Resilience4JConfigBuilder(routeId)
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(timeLimiter(properties.timeoutOf(routeId)))
                .build());
    }

    /** A full bulkhead refuses at once rather than queueing: waiting callers would only add to the pile-up. */
    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheads(ResilienceProperties properties) {
        BulkheadConfig bulkhead = bulkhead(properties);
        return provider -> provider.configureDefault(routeId -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(bulkhead)
                .build());
    }

    private static CircuitBreakerConfig breaker(ResilienceProperties properties) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreExceptions(BulkheadFullException.class)
                .build();
    }

    private static TimeLimiterConfig timeLimiter(Duration timeout) {
        return TimeLimiterConfig.custom()
                .timeoutDuration(timeout)
                .cancelRunningFuture(true)
                .build();
    }

    private static BulkheadConfig bulkhead(ResilienceProperties properties) {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCallsPerRoute())
                .maxWaitDuration(Duration.ZERO)
                .build();
    }
}
