package com.agentfactory.messaging.finance;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The bodies a reservation and an expense put on the wire, from a stand-in finance that records each request: the
 * same fields in the same order for either, the optional day and channel left out rather than sent as null.
 */
class FinanceBudgetClientTest {

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
            answer(exchange, "{\"id\":\"" + UUID.randomUUID() + "\"}");
        });
        finance.start();
    }

    @AfterEach
    void stopFinance() {
        finance.stop(0);
    }

    @Test
    void aReservationFromTheCurrentMonthInNoChannelSendsNeitherDayNorChannel() {
        var outcome = client().reserve(new BudgetReservationRequest(
                "inventory", "po-7", new BigDecimal("40.00"), "GBP", "restock", "maria"));

        assertThat(outcome).isInstanceOf(BudgetReservation.Reserved.class);
        assertThat(requests)
                .containsExactly(
                        "/api/v1/financial/budgets/inventory/reservations po-7"
                                + " {\"amount\":40.00,\"currency\":\"GBP\",\"purpose\":\"restock\",\"requested_by\":\"maria\"}");
    }

    @Test
    void anExpenseInNoChannelSendsItsDayFirstAndNoChannel() {
        var outcome = client().recordExpense(new BudgetExpenseRequest(
                "inventory", "po-7-delivered", new BigDecimal("2.50"), "GBP", "freight", "maria", DAY));

        assertThat(outcome).isInstanceOf(BudgetExpense.Recorded.class);
        assertThat(requests)
                .containsExactly("/api/v1/financial/budgets/inventory/expenses po-7-delivered"
                        + " {\"spent_on\":\"2025-12-31\",\"amount\":2.50,\"currency\":\"GBP\","
                        + "\"purpose\":\"freight\",\"requested_by\":\"maria\"}");
    }

    private FinanceBudgetClient client() {
        var settings = new FinanceClientSettings(
                "http://127.0.0.1:" + finance.getAddress().getPort(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                1,
                Duration.ofMillis(10),
                Duration.ofSeconds(30));
        return new FinanceBudgetClient(settings, (request, body, execution) -> execution.execute(request, body));
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
