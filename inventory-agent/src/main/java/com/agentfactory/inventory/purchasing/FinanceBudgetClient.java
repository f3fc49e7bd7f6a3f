package com.agentfactory.inventory.purchasing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The finance service's budget reservations over HTTP, as the inventory agent (a system agent). Calls that get
 * no answer or a 5xx are retried a few times, then count against a circuit breaker that, once open, fails fast
 * instead of piling up calls on a finance service that is down. A 4xx is the service's answer and is not retried.
 */
@Component
class FinanceBudgetClient implements BudgetPort {

    private static final String AGENT_ID = "inventory-agent";
    private static final String SYSTEM_AGENT = "SYSTEM_AGENT";

    private final RestClient http;
    private final CircuitBreaker breaker;
    private final Retry retry;

    FinanceBudgetClient(FinanceProperties properties) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build());
        factory.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(factory)
                .defaultHeader("X-Agent-Id", AGENT_ID)
                .defaultHeader("X-User-Roles", SYSTEM_AGENT)
                .build();
        this.breaker = CircuitBreaker.of(
                "finance",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(50)
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(5)
                        .waitDurationInOpenState(properties.waitInOpenState())
                        .recordException(FinanceBudgetClient::unanswered)
                        .build());
        this.retry = Retry.of(
                "finance",
                RetryConfig.custom()
                        .maxAttempts(properties.retryAttempts())
                        .waitDuration(properties.retryWait())
                        .retryOnException(FinanceBudgetClient::unanswered)
                        .build());
    }

    @Override
    public Reservation reserve(
            String idempotencyKey,
            String department,
            BigDecimal amount,
            String currency,
            String purpose,
            String requestedBy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("currency", currency);
        body.put("purpose", purpose);
        body.put("requested_by", requestedBy);
        try {
            ReservationAnswer answer = call(() -> http.post()
                    .uri("/api/v1/financial/budgets/{department}/reservations", department)
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(ReservationAnswer.class));
            return new Reservation.Reserved(answer.id());
        } catch (HttpClientErrorException refused) {
            if (refusal(refused.getStatusCode())) {
                return new Reservation.Refused(
                        refused.getStatusCode().value() + " from finance: " + refused.getResponseBodyAsString());
            }
            throw refused;
        }
    }

    @Override
    public void commit(String department, UUID reservationId) {
        call(() -> http.post()
                .uri("/api/v1/financial/budgets/{department}/reservations/{id}/commit", department, reservationId)
                .retrieve()
                .toBodilessEntity());
    }

    @Override
    public void release(String department, UUID reservationId) {
        call(() -> http.post()
                .uri("/api/v1/financial/budgets/{department}/reservations/{id}/release", department, reservationId)
                .retrieve()
                .toBodilessEntity());
    }

    private <T> T call(Supplier<T> request) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, request))
                    .get();
        } catch (CallNotPermittedException | ResourceAccessException | HttpServerErrorException e) {
            throw new BudgetUnavailableException("the finance service did not answer: " + e.getMessage(), e);
        }
    }

    // 409: does not fit; 404: no budget for the department and month; 422: another currency
    private static boolean refusal(HttpStatusCode status) {
        return status.value() == 409 || status.value() == 404 || status.value() == 422;
    }

    private static boolean unanswered(Throwable error) {
        return error instanceof ResourceAccessException || error instanceof HttpServerErrorException;
    }

    record ReservationAnswer(UUID id, String status) {}
}
