package com.agentfactory.ad.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.finance.FinanceBudgetClient;
import com.agentfactory.messaging.finance.FinanceClientSettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the allowance keeper's finance calls put on the wire, from a stand-in finance that records each request:
 * every field lands where finance reads it, the day and the channel included, so none is sent in another's place.
 */
class FinanceReservationsClientTest {

    private static final LocalDate DAY = LocalDate.of(2025, 12, 31);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer finance;

    @BeforeEach
    void startFinance() throws IOException {
        finance = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        finance.createContext("/api/v1/financial/budgets/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, "{\"id\":\"" + UUID.randomUUID() + "\",\"budget_overspent_amount\":1.25}");
        });
        finance.start();
    }

    @AfterEach
    void stopFinance() {
        finance.stop(0);
    }

    @Test
    void aReservationNamesTheDayTheAgentAndTheChannelOfTheSpend() {
        UUID key = UUID.randomUUID();

        var outcome = client().reserve(key, new BigDecimal("12.50"), "GBP", "ad spend, campaign spring", DAY);

        assertThat(outcome).isInstanceOf(FinanceReservations.ReserveOutcome.Reserved.class);
        assertThat(requests)
                .containsExactly(
                        "/api/v1/financial/budgets/marketing/reservations " + key
                                + " {\"spent_on\":\"2025-12-31\",\"amount\":12.50,\"currency\":\"GBP\","
                                + "\"purpose\":\"ad spend, campaign spring\",\"requested_by\":\"ad-agent\",\"channel\":\"ad\"}");
    }

    @Test
    void anExpenseNamesTheDayTheAgentAndTheChannelOfTheSpend() {
        UUID key = UUID.randomUUID();

        var outcome = client().recordExpense(key, new BigDecimal("3.75"), "GBP", "ad spend (overspend)", DAY);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FinanceReservations.ExpenseOutcome.Recorded.class,
                        recorded -> assertThat(recorded.budgetOverspent()).isEqualByComparingTo("1.25"));
        assertThat(requests)
                .containsExactly("/api/v1/financial/budgets/marketing/expenses " + key
                        + " {\"spent_on\":\"2025-12-31\",\"amount\":3.75,\"currency\":\"GBP\","
                        + "\"purpose\":\"ad spend (overspend)\",\"requested_by\":\"ad-agent\",\"channel\":\"ad\"}");
    }

    private FinanceReservationsClient client() {
        var settings = new FinanceClientSettings(
                "http://127.0.0.1:" + finance.getAddress().getPort(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                1,
                Duration.ofMillis(10),
                Duration.ofSeconds(30));
        return new FinanceReservationsClient(
                new FinanceBudgetClient(settings, (request, body, execution) -> execution.execute(request, body)),
                "marketing",
                "ad");
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
