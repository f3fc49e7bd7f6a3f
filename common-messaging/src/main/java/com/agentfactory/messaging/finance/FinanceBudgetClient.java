package com.agentfactory.messaging.finance;

import com.agentfactory.messaging.client.ServiceCalls;
import com.agentfactory.messaging.security.ServiceTokens;
import com.agentfactory.messaging.security.ServiceTokens.ServiceTokenUnavailableException;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finance-service's budget reservations over HTTP, for an agent that spends (its own client token names it), and
 * the spend it made beyond them.
 * Calls that get no answer or a 5xx are retried a few times inside a circuit breaker, which once open fails fast
 * instead of piling calls on a finance service that is down, and a bulkhead keeps a slow finance from holding more
 * than a few of the agent's threads; a 4xx is finance's answer and is not retried. Every call is safe to repeat: a
 * reserve or a recorded expense carries the caller's {@code Idempotency-Key}, and committing or releasing a settled
 * reservation changes nothing. Built from Resilience4j's core modules, since its Spring Boot module exists for Boot 3 only.
 */
public final class FinanceBudgetClient {

    private static final String RESERVATIONS = "/api/v1/financial/budgets/{department}/reservations";
    private static final String EXPENSES = "/api/v1/financial/budgets/{department}/expenses";
    private static final int REFUSAL_DETAIL_LIMIT = 300;
    private static final Set<Integer> NOT_ABOUT_THE_REQUEST = Set.of(401, 403, 408, 429);
    private static final String HELD_BY_ANOTHER = FinanceProblemTypes.RESERVATION_HELD_BY_ANOTHER.toString();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;

    public FinanceBudgetClient(FinanceClientSettings settings, ServiceTokens tokens) {
        // finance authenticates every call: this agent's own client token names it as the acting agent
        this(settings, tokens.interceptor());
    }

    /** @param authentication puts the calling agent's credentials on each request */
    public FinanceBudgetClient(FinanceClientSettings settings, ClientHttpRequestInterceptor authentication) {
        this.http = ServiceCalls.restClient(
                settings.baseUrl(), settings.connectTimeout(), settings.readTimeout(), authentication);
        this.breaker =
                ServiceCalls.circuitBreaker("finance", settings.waitInOpenState(), FinanceBudgetClient::unanswered);
        this.retry = Retry.of(
                "finance",
                RetryConfig.custom()
                        .maxAttempts(Math.max(1, settings.retryAttempts()))
                        .waitDuration(settings.retryWait())
                        .retryOnException(FinanceBudgetClient::unanswered)
                        .build());
        this.bulkhead = ServiceCalls.bulkhead("finance", settings.maxConcurrentCalls());
    }

    /** Calls waiting on finance now, for metrics and tests. */
    public int callsInFlight() {
        var metrics = bulkhead.getMetrics();
        return metrics.getMaxAllowedConcurrentCalls() - metrics.getAvailableConcurrentCalls();
    }

    /**
     * Money set aside ahead of spending, from the current month's budget or, when the request names the day it is
     * spent on, from that day's month: spend settled after midnight still belongs to the month it was spent in.
     *
     * @throws FinanceUnavailableException when finance did not answer, or answered 401, 403, 408 or 429
     */
    public BudgetReservation reserve(BudgetReservationRequest request) {
        try {
            Created created = post("reserve", RESERVATIONS, request, Created.class);
            return new BudgetReservation.Reserved(created.id());
        } catch (HttpClientErrorException refused) {
            throwIfNotAboutTheRequest("reserve", refused);
            return new BudgetReservation.Refused(refused.getStatusCode().value(), limited(refused));
        }
    }

    private <T> T post(String action, String uri, BudgetSpending spending, Class<T> answer) {
        return call(action, () -> http.post()
                .uri(uri, spending.department())
                .header("Idempotency-Key", spending.idempotencyKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(spending))
                .retrieve()
                .body(answer));
    }

    private static Map<String, Object> body(BudgetSpending spending) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (spending.spentOn() != null) {
            body.put("spent_on", spending.spentOn().toString());
        }
        body.put("amount", spending.amount());
        body.put("currency", spending.currency());
        body.put("purpose", spending.purpose());
        body.put("requested_by", spending.requestedBy());
        if (spending.channel() != null) {
            body.put("channel", spending.channel());
        }
        return body;
    }

    /**
     * 401, 403, 408 and 429 say nothing about the money asked for (a token expiring in flight, a rotated secret or a
     * rule being changed, a timeout, a limit), so they are not finance's answer to it: a caller taking one for a
     * refusal would settle for good what the next attempt may well be granted, or leave a reservation whose first
     * answer was lost held at finance. The one 403 that is about it, a reservation another caller holds, is refused.
     */
    private static void throwIfNotAboutTheRequest(String action, HttpClientErrorException refused) {
        int status = refused.getStatusCode().value();
        if (NOT_ABOUT_THE_REQUEST.contains(status) && !isHeldByAnother(refused)) {
            throw new FinanceUnavailableException("finance answered " + status + " to " + action, refused);
        }
    }

    /**
     * Whether finance refused because another caller made the reservation (a commit or release of it, or an expense
     * under its key): unlike any other 403 that answer will not change, whoever asks again under this agent's name,
     * so only a person can settle the reservation. A commit or release refused so arrives as the
     * {@link HttpClientErrorException} its caller tells apart with this.
     */
    public static boolean isHeldByAnother(HttpClientErrorException answer) {
        if (answer.getStatusCode().value() != 403) {
            return false;
        }
        try {
            JsonNode type = JSON.readTree(answer.getResponseBodyAsString()).get("type");
            return type != null && type.isString() && HELD_BY_ANOTHER.equals(type.stringValue());
        } catch (JacksonException notAProblemDocument) {
            return false;
        }
    }

    private static String limited(HttpClientErrorException refused) {
        String detail = refused.getResponseBodyAsString();
        return detail.length() > REFUSAL_DETAIL_LIMIT ? detail.substring(0, REFUSAL_DETAIL_LIMIT) : detail;
    }

    /**
     * Records money already spent that no reservation held (what an exchange bills beyond an allowance): finance
     * books it as spent even when the budget has no room left, and marks the budget overspent. Safe to repeat: the
     * same key returns the first record, and a key that reserved the money before commits that reservation.
     *
     * @throws FinanceUnavailableException when finance did not answer, or answered 401, 403, 408 or 429, but for the
     *     403 of an expense under a reservation another caller holds, which is refused
     */
    public BudgetExpense recordExpense(BudgetExpenseRequest request) {
        try {
            RecordedExpense recorded = post("record expense", EXPENSES, request, RecordedExpense.class);
            return new BudgetExpense.Recorded(
                    recorded.id(), recorded.transactionId(), recorded.budgetOverspentAmount());
        } catch (HttpClientErrorException refused) {
            throwIfNotAboutTheRequest("record expense", refused);
            return new BudgetExpense.Refused(refused.getStatusCode().value(), limited(refused));
        }
    }

    /**
     * Spends the reservation: finance books the expense.
     *
     * @throws HttpClientErrorException when finance refuses; {@link #isHeldByAnother} tells whether for good
     */
    public void commit(String department, UUID reservationId) {
        settle(department, reservationId, "commit");
    }

    /**
     * Gives the reservation back to the budget.
     *
     * @throws HttpClientErrorException when finance refuses; {@link #isHeldByAnother} tells whether for good
     */
    public void release(String department, UUID reservationId) {
        settle(department, reservationId, "release");
    }

    private void settle(String department, UUID reservationId, String action) {
        call(action, () -> http.post()
                .uri(RESERVATIONS + "/{id}/" + action, department, reservationId)
                .retrieve()
                .toBodilessEntity());
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            // the bulkhead outermost: a call holds one place through all its retries
            return Bulkhead.decorateSupplier(
                            bulkhead, Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, request)))
                    .get();
        } catch (BulkheadFullException e) {
            throw new FinanceUnavailableException(
                    "finance calls at their limit of "
                            + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " in flight, " + what
                            + " not attempted",
                    e);
        } catch (CallNotPermittedException e) {
            throw new FinanceUnavailableException("finance circuit open, " + what + " not attempted", e);
        } catch (ResourceAccessException | HttpServerErrorException | ServiceTokenUnavailableException e) {
            throw new FinanceUnavailableException("finance did not answer " + what + ": " + e.getMessage(), e);
        }
    }

    /** Only failures that say nothing about the request count against finance: no answer (or no token), or a 5xx. */
    private static boolean unanswered(Throwable error) {
        return error instanceof ResourceAccessException
                || error instanceof HttpServerErrorException
                || error instanceof ServiceTokenUnavailableException;
    }

    private record Created(UUID id) {}

    private record RecordedExpense(
            UUID id,
            @JsonProperty("transaction_id") UUID transactionId,
            @JsonProperty("budget_overspent_amount") BigDecimal budgetOverspentAmount) {}
}
