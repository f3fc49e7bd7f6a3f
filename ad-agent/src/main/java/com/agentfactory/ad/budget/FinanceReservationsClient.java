package com.agentfactory.ad.budget;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Finance-service's reservation API over HTTP. Each call runs through a retry (only for calls finance did not
 * answer or answered with a 5xx) inside a circuit breaker, so a finance outage costs the keeper one quick failure
 * per pass rather than a timeout per campaign. The reserve call carries the row's id as {@code Idempotency-Key}.
 */
public class FinanceReservationsClient implements FinanceReservations {

    private final RestClient http;
    private final String department;
    private final CircuitBreaker breaker;
    private final Retry retry;

    public FinanceReservationsClient(RestClient http, String department, CircuitBreaker breaker, Retry retry) {
        this.http = http;
        this.department = department;
        this.breaker = breaker;
        this.retry = retry;
    }

    @Override
    public ReserveOutcome reserve(UUID idempotencyKey, BigDecimal amount, String currency, String purpose) {
        return call("reserve", () -> {
            try {
                JsonNode created = http.post()
                        .uri("/api/v1/financial/budgets/{department}/reservations", department)
                        .header("Idempotency-Key", idempotencyKey.toString())
                        .body(Map.of(
                                "amount", amount, "currency", currency, "purpose", purpose, "requested_by", "ad-agent"))
                        .retrieve()
                        .body(JsonNode.class);
                return new ReserveOutcome.Reserved(
                        UUID.fromString(created.path("id").asString()));
            } catch (RestClientResponseException e) {
                if (e.getStatusCode().is4xxClientError()) {
                    // no room (409), no budget (404), another currency (422): an answer, not an outage
                    return new ReserveOutcome.Refused(e.getStatusCode().value() + " " + detail(e));
                }
                throw e;
            }
        });
    }

    @Override
    public void commit(UUID financeReservationId) {
        call("commit", () -> settle(financeReservationId, "commit"));
    }

    @Override
    public void release(UUID financeReservationId) {
        call("release", () -> settle(financeReservationId, "release"));
    }

    private Void settle(UUID financeReservationId, String action) {
        http.post()
                .uri(
                        "/api/v1/financial/budgets/{department}/reservations/{id}/" + action,
                        department,
                        financeReservationId)
                .retrieve()
                .toBodilessEntity();
        return null;
    }

    private <T> T call(String what, Supplier<T> call) {
        Supplier<T> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new FinanceUnavailableException("finance circuit open, " + what + " not attempted", e);
        } catch (ResourceAccessException e) {
            throw new FinanceUnavailableException("finance unreachable on " + what + ": " + e.getMessage(), e);
        } catch (RestClientResponseException e) {
            throw new FinanceUnavailableException(
                    "finance answered " + e.getStatusCode().value() + " on " + what + ": " + detail(e), e);
        }
    }

    /** Only failures that say nothing about the request count against finance: no answer, or a 5xx. */
    public static boolean isOutage(Throwable e) {
        return e instanceof ResourceAccessException
                || (e instanceof RestClientResponseException r && isServerError(r.getStatusCode()));
    }

    private static boolean isServerError(HttpStatusCode status) {
        return status.is5xxServerError();
    }

    private static String detail(RestClientResponseException e) {
        String body = e.getResponseBodyAsString();
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
