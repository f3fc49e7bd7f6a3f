package com.agentfactory.ad.config;

import com.agentfactory.ad.budget.FinanceClientProperties;
import com.agentfactory.ad.budget.FinanceReservations;
import com.agentfactory.ad.budget.FinanceReservationsClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The finance client: timeouts, a circuit breaker and a retry. Built from Resilience4j's core modules directly,
 * since its Spring Boot module exists for Boot 3 only. Services still trust the identity headers a caller sends
 * (token authentication between services comes later), so the agent names itself in them.
 */
@Configuration(proxyBeanMethods = false)
class FinanceClientConfiguration {

    @Bean
    @ConditionalOnMissingBean(FinanceReservations.class)
    FinanceReservations financeReservations(FinanceClientProperties properties) {
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build());
        requests.setReadTimeout(properties.readTimeout());
        RestClient http = RestClient.builder()
                .baseUrl(properties.url())
                .requestFactory(requests)
                .defaultHeader("X-Agent-Id", "ad-agent")
                .defaultHeader("X-User-Roles", "SYSTEM_AGENT")
                .build();
        CircuitBreaker breaker = CircuitBreaker.of(
                "finance",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(50)
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(5)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .recordException(FinanceReservationsClient::isOutage)
                        .build());
        Retry retry = Retry.of(
                "finance",
                RetryConfig.custom()
                        .maxAttempts(Math.max(1, properties.retryAttempts()))
                        .waitDuration(Duration.ofMillis(200))
                        .retryOnException(FinanceReservationsClient::isOutage)
                        .build());
        return new FinanceReservationsClient(http, properties.department(), breaker, retry);
    }
}
