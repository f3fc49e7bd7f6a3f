package com.agentfactory.finance.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.infra.FreePorts;
import com.agentfactory.messaging.finance.BudgetExpense;
import com.agentfactory.messaging.finance.BudgetExpenseRequest;
import com.agentfactory.messaging.finance.BudgetReservation;
import com.agentfactory.messaging.finance.BudgetReservationRequest;
import com.agentfactory.messaging.finance.FinanceBudgetClient;
import com.agentfactory.messaging.finance.FinanceClientSettings;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import com.agentfactory.messaging.testing.TestTokens;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The agents' budget client against the real finance service, slowed down (its budget row held by another
 * transaction) and stopped (nothing listening): the client gives up in time, repeats only what is safe to repeat,
 * stops calling once its circuit opens, and lets no more than its bulkhead's calls wait on a slow finance.
 */
class FinanceBudgetClientIT extends FinanceIntegrationTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(700);
    private static final ClientHttpRequestInterceptor AS_AD_AGENT = (request, body, execution) -> {
        request.getHeaders().setBearerAuth(TestTokens.client("ad-agent"));
        return execution.execute(request, body);
    };

    @Autowired
    private DataSource dataSource;

    @LocalServerPort
    private int localPort;

    @Test
    void reservesAndCommitsThroughTheClient() {
        String department = departmentWithBudget("100.00");
        FinanceBudgetClient client = clientAt(baseUrl());

        BudgetReservation reserved = client.reserve(adSpend(department, "req-1", new BigDecimal("40.00")));
        assertThat(reserved).isInstanceOf(BudgetReservation.Reserved.class);
        UUID id = ((BudgetReservation.Reserved) reserved).id();
        client.commit(department, id);

        assertThat(spent(department)).isEqualByComparingTo("40.00");
        assertThat(client.reserve(adSpend(department, "too-much", new BigDecimal("80.00"))))
                .isInstanceOf(BudgetReservation.Refused.class);
    }

    @Test
    void theAdAgentsSpendIsBookedUnderItsAgentTypeInTheChannelItNames() {
        String department = departmentWithBudget("100.00");
        FinanceBudgetClient client = clientAt(baseUrl());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        var reserved = (BudgetReservation.Reserved) client.reserve(new BudgetReservationRequest(
                        department, "channel-1", new BigDecimal("4.00"), "GBP", "ad spend", "ad-agent")
                .withSpentOn(today)
                .withChannel("ad"));
        client.commit(department, reserved.id());
        assertThat(client.recordExpense(new BudgetExpenseRequest(
                                department, "channel-2", new BigDecimal("1.50"), "GBP", "ad spend", "ad-agent", today)
                        .withChannel("ad")))
                .isInstanceOf(BudgetExpense.Recorded.class);

        // requested_by says who asked; the token says which agent spent, as its touchpoints name it
        assertThat(jdbc.queryForList(
                        "SELECT attributed_agent || ' ' || (metadata ->> 'channel') FROM financial_transactions"
                                + " WHERE department = ? AND transaction_type = 'expense'",
                        String.class,
                        department))
                .containsExactly("ad ad", "ad ad");
    }

    @Test
    void aReservationAnotherCallerMadeIsRefusedForGoodWhileAnyOtherForbiddenIsFinanceUnavailable() {
        String department = departmentWithBudget("100.00");
        var held = (BudgetReservation.Reserved)
                clientAt(baseUrl()).reserve(adSpend(department, "held-by-ad", new BigDecimal("40.00")));
        FinanceBudgetClient inventoryAgent = clientAt(baseUrl(), TestTokens.client("inventory-agent"));
        FinanceBudgetClient customer = clientAt(baseUrl(), TestTokens.customer(UUID.randomUUID()));

        var commitOfAnothersReservation = catchThrowableOfType(
                HttpClientErrorException.class, () -> inventoryAgent.commit(department, held.id()));
        var expenseUnderItsKey = inventoryAgent.recordExpense(new BudgetExpenseRequest(
                department,
                "held-by-ad",
                new BigDecimal("40.00"),
                "GBP",
                "ads",
                "inventory",
                LocalDate.now(ZoneOffset.UTC)));
        var releaseByACustomer =
                catchThrowableOfType(HttpClientErrorException.class, () -> customer.release(department, held.id()));

        assertThat(FinanceBudgetClient.isHeldByAnother(commitOfAnothersReservation))
                .as(commitOfAnothersReservation.getResponseBodyAsString())
                .isTrue();
        assertThat(expenseUnderItsKey)
                .isInstanceOfSatisfying(BudgetExpense.Refused.class, refused -> assertThat(refused.status())
                        .isEqualTo(403));
        assertThat(releaseByACustomer.getStatusCode().value()).isEqualTo(403);
        assertThat(FinanceBudgetClient.isHeldByAnother(releaseByACustomer)).isFalse();
        assertThatThrownBy(() -> customer.reserve(adSpend(department, "customer-1", BigDecimal.ONE)))
                .isInstanceOf(FinanceUnavailableException.class)
                .hasMessageContaining("403");
        assertThat(committedOrHeld(department)).isEqualByComparingTo("40.00");
    }

    @Test
    void aSlowFinanceIsGivenUpOnAndItsLateAnswersLeaveOneReservation() throws Exception {
        String department = departmentWithBudget("100.00");
        FinanceBudgetClient client = clientAt(baseUrl());

        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (var lock = blocker.prepareStatement("SELECT id FROM budgets WHERE department = ? FOR UPDATE")) {
                lock.setString(1, department);
                lock.executeQuery().close();
            }
            // every attempt waits on the held budget row until the client stops waiting for it
            assertThatThrownBy(() -> client.reserve(adSpend(department, "slow-1", BigDecimal.TEN)))
                    .isInstanceOf(FinanceUnavailableException.class)
                    .hasMessageContaining("did not answer");
            blocker.rollback();
        }

        // the attempts finance was still working on now finish; the idempotency key makes them one reservation
        await().atMost(Duration.ofSeconds(20)).until(() -> reservationsWithKey(department, "slow-1") == 1);
        BudgetReservation again = client.reserve(adSpend(department, "slow-1", BigDecimal.TEN));
        assertThat(again).isInstanceOf(BudgetReservation.Reserved.class);
        assertThat(reservationsWithKey(department, "slow-1")).isEqualTo(1);
        assertThat(committedOrHeld(department)).isEqualByComparingTo("10.00");
    }

    @Test
    void callsBeyondTheBulkheadFailAtOnceWhileFinanceIsSlowAndPassAgainAfterwards() throws Exception {
        String department = departmentWithBudget("100.00");
        FinanceBudgetClient client = new FinanceBudgetClient(
                new FinanceClientSettings(
                        baseUrl(),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        1,
                        Duration.ofMillis(50),
                        Duration.ofMinutes(1),
                        2),
                AS_AD_AGENT);
        var waiting = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (var lock = blocker.prepareStatement("SELECT id FROM budgets WHERE department = ? FOR UPDATE")) {
                lock.setString(1, department);
                lock.executeQuery().close();
            }
            // two calls wait on the held budget row: the bulkhead's two places
            var first = waiting.submit(() -> client.reserve(adSpend(department, "held-1", BigDecimal.ONE)));
            var second = waiting.submit(() -> client.reserve(adSpend(department, "held-2", BigDecimal.ONE)));
            await().atMost(Duration.ofSeconds(10)).until(() -> client.callsInFlight() == 2);

            long before = System.nanoTime();
            assertThatThrownBy(() -> client.reserve(adSpend(department, "third", BigDecimal.ONE)))
                    .isInstanceOf(FinanceUnavailableException.class)
                    .hasMessageContaining("limit of 2 in flight");
            assertThat(Duration.ofNanos(System.nanoTime() - before))
                    .as("refused without waiting on finance")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(reservationsWithKey(department, "third")).isZero();

            blocker.rollback();
            assertThat(first.get(20, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(BudgetReservation.Reserved.class);
            assertThat(second.get(20, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(BudgetReservation.Reserved.class);
        } finally {
            waiting.shutdownNow();
        }
        assertThat(client.callsInFlight()).isZero();
        assertThat(client.reserve(adSpend(department, "third", BigDecimal.ONE)))
                .isInstanceOf(BudgetReservation.Reserved.class);
    }

    @Test
    void aStoppedFinanceIsNotCalledOnceTheCircuitIsOpen() throws Exception {
        FinanceBudgetClient client = clientAt("http://127.0.0.1:" + FreePorts.find());

        assertThatThrownBy(() -> client.reserve(adSpend("marketing", "down-0", BigDecimal.ONE)))
                .isInstanceOf(FinanceUnavailableException.class)
                .hasMessageContaining("did not answer");
        // every unanswered attempt counts, retries included: the circuit opens within a few calls
        List<String> outcomes = new ArrayList<>();
        for (int i = 1; i <= 5 && outcomes.stream().noneMatch(m -> m.contains("circuit open")); i++) {
            String key = "down-" + i;
            outcomes.add(catchThrowableOfType(
                            FinanceUnavailableException.class,
                            () -> client.reserve(adSpend("marketing", key, BigDecimal.ONE)))
                    .getMessage());
        }
        assertThat(outcomes).anyMatch(message -> message.contains("circuit open"));

        assertThatThrownBy(() -> client.reserve(adSpend("marketing", "down-6", BigDecimal.ONE)))
                .isInstanceOf(FinanceUnavailableException.class)
                .hasMessageContaining("circuit open");
    }

    private static BudgetReservationRequest adSpend(String department, String idempotencyKey, BigDecimal amount) {
        return new BudgetReservationRequest(department, idempotencyKey, amount, "GBP", "ads", "ad");
    }

    private FinanceBudgetClient clientAt(String baseUrl) {
        return new FinanceBudgetClient(
                new FinanceClientSettings(
                        baseUrl, Duration.ofSeconds(1), READ_TIMEOUT, 3, Duration.ofMillis(50), Duration.ofMinutes(1)),
                AS_AD_AGENT);
    }

    private static FinanceBudgetClient clientAt(String baseUrl, String token) {
        return new FinanceBudgetClient(
                new FinanceClientSettings(
                        baseUrl, Duration.ofSeconds(1), READ_TIMEOUT, 3, Duration.ofMillis(50), Duration.ofMinutes(1)),
                (request, body, execution) -> {
                    request.getHeaders().setBearerAuth(token);
                    return execution.execute(request, body);
                });
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + localPort;
    }

    private String departmentWithBudget(String allocated) {
        String department = BudgetMother.freshDepartment();
        Map<String, Object> budget = BudgetMother.budget(allocated);
        budget.put("fiscal_period", YearMonth.now(ZoneOffset.UTC).toString());
        var created = api.put("/api/v1/financial/budgets/" + department, budget);
        assertThat(created.status()).as(String.valueOf(created.body())).isBetween(200, 201);
        return department;
    }

    private long reservationsWithKey(String department, String key) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM budget_reservations r JOIN budgets b ON b.id = r.budget_id"
                        + " WHERE b.department = ? AND r.idempotency_key = ?",
                Long.class,
                department,
                key);
    }

    private BigDecimal spent(String department) {
        return jdbc.queryForObject(
                "SELECT spent_amount FROM budgets WHERE department = ?", BigDecimal.class, department);
    }

    private BigDecimal committedOrHeld(String department) {
        return jdbc.queryForObject(
                "SELECT committed_amount FROM budgets WHERE department = ?", BigDecimal.class, department);
    }
}
