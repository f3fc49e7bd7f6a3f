package com.agentfactory.inventory.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.finance.BudgetExpenseRequest;
import com.agentfactory.messaging.finance.BudgetReservationRequest;
import com.agentfactory.messaging.finance.FinanceProblemTypes;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import com.agentfactory.messaging.security.ServiceSecurityProperties;
import com.agentfactory.messaging.security.ServiceTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finance's refusals that are not about the budget, from a stand-in finance answering every call with one status:
 * each becomes this module's own exception, which the API answers with a problem and the batch steps past.
 */
class FinanceBudgetPortTest {

    private static final String DEPARTMENT = "inventory";

    private HttpServer finance;
    private volatile int status;
    private volatile String detail;
    private volatile String askedPath;
    private volatile String askedKey;

    @BeforeEach
    void startFinance() throws IOException {
        finance = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        finance.createContext(
                "/token", exchange -> answer(exchange, 200, "{\"access_token\":\"t\",\"expires_in\":300}"));
        finance.createContext("/api/v1/financial/budgets/", exchange -> {
            askedPath = exchange.getRequestURI().getPath();
            askedKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            answer(exchange, status, detail);
        });
        finance.start();
    }

    @AfterEach
    void stopFinance() {
        finance.stop(0);
    }

    @Test
    void aCommitFinanceRefusesIsAnAnswerNamingTheReservationNotARawHttpError() {
        UUID reservation = UUID.randomUUID();
        status = 409;
        detail = "{\"detail\":\"the reservation was released and cannot be spent\"}";

        assertThatThrownBy(() -> port().commit(DEPARTMENT, reservation))
                .isInstanceOf(FinanceRejectedException.class)
                .hasMessageContaining("commit of reservation " + reservation + " (409)")
                .hasMessageContaining("released and cannot be spent");
    }

    @Test
    void aReleaseOfAReservationFinanceDoesNotKnowIsAnAnswerToo() {
        status = 404;
        detail = "{\"detail\":\"no such reservation\"}";

        assertThatThrownBy(() -> port().release(DEPARTMENT, UUID.randomUUID()))
                .isInstanceOf(FinanceRejectedException.class)
                .hasMessageContaining("(404)");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 408, 429})
    void aSettlementAnswerSayingNothingAboutTheReservationIsTriedAgainLaterNotHandedToAPerson(int answered) {
        UUID reservation = UUID.randomUUID();
        status = answered;
        detail = "{\"type\":\"about:blank\",\"status\":" + answered + "}";

        assertThatThrownBy(() -> port().commit(DEPARTMENT, reservation))
                .isInstanceOf(FinanceUnavailableException.class)
                .hasMessageContaining(answered + " to the commit of reservation " + reservation);
        assertThatThrownBy(() -> port().release(DEPARTMENT, reservation))
                .isInstanceOf(FinanceUnavailableException.class)
                .hasMessageContaining(answered + " to the release of reservation " + reservation);
    }

    @Test
    void aSettlementOfAReservationAnotherCallerHoldsIsHandedToAPerson() {
        status = 403;
        detail = "{\"type\":\"" + FinanceProblemTypes.RESERVATION_HELD_BY_ANOTHER + "\",\"status\":403}";

        assertThatThrownBy(() -> port().release(DEPARTMENT, UUID.randomUUID()))
                .isInstanceOf(FinanceRejectedException.class)
                .hasMessageContaining("(403)");
    }

    @Test
    void aReservationFinanceCannotReadIsRefusedAsSuchRatherThanAFault() {
        status = 400;
        detail = "{\"detail\":\"purpose: size must be between 0 and 500\"}";

        assertThatThrownBy(() -> port().reserve(new BudgetReservationRequest(
                        DEPARTMENT, "key", BigDecimal.TEN, "GBP", "purpose", "maria")))
                .isInstanceOf(FinanceRejectedException.class)
                .hasMessageContaining("reservation (400)")
                .hasMessageContaining("size must be between 0 and 500");
    }

    @Test
    void aReservationIsAskedOfItsDepartmentsBudgetUnderItsOwnKey() {
        status = 409;
        detail = "{\"detail\":\"does not fit\"}";

        var answer = port().reserve(new BudgetReservationRequest(
                DEPARTMENT, "purchase-order-1-2", BigDecimal.TEN, "GBP", "purpose", "maria"));

        assertThat(answer).isInstanceOf(BudgetPort.Reservation.Refused.class);
        assertThat(askedPath).isEqualTo("/api/v1/financial/budgets/" + DEPARTMENT + "/reservations");
        assertThat(askedKey).isEqualTo("purchase-order-1-2");
    }

    @Test
    void anExpenseIsBookedInItsDepartmentsBudgetUnderItsOwnKey() {
        status = 409;
        detail = "{\"detail\":\"month closed\"}";

        assertThatThrownBy(() -> port().recordExpense(new BudgetExpenseRequest(
                        DEPARTMENT,
                        "purchase-order-1-delivered",
                        BigDecimal.TEN,
                        "GBP",
                        "purpose",
                        "maria",
                        LocalDate.of(2026, 3, 31))))
                .isInstanceOf(FinanceRejectedException.class)
                .hasMessageContaining("expense purchase-order-1-delivered (409)");
        assertThat(askedPath).isEqualTo("/api/v1/financial/budgets/" + DEPARTMENT + "/expenses");
        assertThat(askedKey).isEqualTo("purchase-order-1-delivered");
    }

    private FinanceBudgetPort port() {
        String base = "http://127.0.0.1:" + finance.getAddress().getPort();
        var tokens = new ServiceTokens(
                new ServiceSecurityProperties.Client("inventory-agent", "secret", URI.create(base + "/token")),
                Clock.systemUTC());
        return new FinanceBudgetPort(
                new FinanceProperties(
                        URI.create(base),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        1,
                        Duration.ofMillis(10),
                        Duration.ofSeconds(30)),
                tokens);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
