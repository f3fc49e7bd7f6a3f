package com.agentfactory.finance.budget;

import static com.agentfactory.finance.budget.BudgetMother.budget;
import static com.agentfactory.finance.budget.BudgetMother.freshDepartment;
import static com.agentfactory.finance.budget.BudgetMother.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.TopicMessages;
import com.agentfactory.messaging.finance.BudgetExpense;
import com.agentfactory.messaging.finance.BudgetExpenseRequest;
import com.agentfactory.messaging.finance.FinanceBudgetClient;
import com.agentfactory.messaging.finance.FinanceClientSettings;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Spend an agent already made that no reservation held (what an ad exchange bills for impressions won beyond the
 * ad agent's allowance) is recorded even when the budget has no room left: refusing it would not unspend it.
 */
class SpendBeyondTheBudgetIT extends FinanceIntegrationTest {

    private static final String PERIOD = YearMonth.now(ZoneOffset.UTC).toString();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalServerPort
    int localPort;

    @Autowired
    DataSource dataSource;

    @Test
    void spendBeyondAnExhaustedBudgetIsBookedMarksItOverspentRaisesTheAlertAndIsAudited() {
        String department = departmentWithBudget("100.00", true);
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        String spent = api.post(reservations, thisMonth(reservation("100.00"))).text("/id");
        api.post(reservations + "/" + spent + "/commit", Map.of());
        assertThat(api.post(reservations, thisMonth(reservation("0.01"))).status())
                .isEqualTo(409);

        Response recorded = api.postWithHeaders(expenses(department), expense("25.00", TODAY), key());

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.text("/status")).isEqualTo("committed");
        assertThat(recorded.body().at("/unbudgeted").asBoolean()).isTrue();
        assertThat(recorded.text("/spent_on")).isEqualTo(TODAY.toString());
        assertThat(recorded.body().at("/budget_overspent_amount").decimalValue())
                .isEqualByComparingTo("25.00");
        JsonNode status = budgetOf(department);
        assertThat(status.at("/spent_amount").decimalValue()).isEqualByComparingTo("125.00");
        assertThat(status.at("/unbudgeted_amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(status.at("/available_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(status.at("/overspent_amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(status.at("/status").asString()).isEqualTo("overspent");
        Map<String, Object> expense = jdbc.queryForMap(
                "SELECT transaction_type, amount, department, attributed_agent, occurred_at,"
                        + " metadata->>'beyond_budget' AS beyond, metadata->>'unbudgeted' AS unbudgeted"
                        + " FROM financial_transactions WHERE id = ?",
                UUID.fromString(recorded.text("/transaction_id")));
        assertThat(expense.get("transaction_type")).isEqualTo("expense");
        assertThat((BigDecimal) expense.get("amount")).isEqualByComparingTo("25.00");
        assertThat(expense.get("department")).isEqualTo(department);
        assertThat(expense.get("attributed_agent")).isEqualTo("ad-agent");
        assertThat(((Timestamp) expense.get("occurred_at")).toInstant())
                .isEqualTo(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(new BigDecimal((String) expense.get("beyond"))).isEqualByComparingTo("25.00");
        assertThat(expense.get("unbudgeted")).isEqualTo("true");
        // warning and critical when the reservation took it to 100%, overspent when the expense went beyond
        List<UUID> alertIds = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        api.get("/api/v1/financial/budgets/" + department + "/alerts?period=" + PERIOD)
                .body()
                .forEach(alert -> {
                    levels.add(alert.path("level").asString());
                    alertIds.add(UUID.fromString(alert.path("id").asString()));
                });
        assertThat(levels).hasSize(3);
        assertThat(levels.subList(0, 2)).containsExactlyInAnyOrder("warning", "critical");
        assertThat(levels.get(2)).isEqualTo("overspent");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicMessages.withMessageIds(bootstrapServers, "finance.alerts", alertIds.subList(2, 3))
                                .size()
                        == 1);
        assertThat(jdbc.queryForList(
                        "SELECT table_name || ' ' || action FROM audit_log WHERE record_id IN (?, ?)" + " ORDER BY seq",
                        String.class,
                        UUID.fromString(recorded.text("/id")),
                        UUID.fromString(recorded.text("/transaction_id"))))
                .containsExactly(
                        "budget_reservations INSERT", "financial_transactions INSERT", "budget_reservations UPDATE");
    }

    @Test
    void anOverspendIsAlertedEvenWithThresholdAlertsOffAndWithinTheAllocationNothingIsOverspent() {
        String silenced = departmentWithBudget("10.00", false);
        String roomy = departmentWithBudget("10.00", true);

        Response beyond = api.postWithHeaders(expenses(silenced), expense("10.01", TODAY), key());
        Response within = api.postWithHeaders(expenses(roomy), expense("4.00", TODAY), key());

        assertThat(beyond.status()).isEqualTo(201);
        assertThat(alertLevels(silenced)).containsExactly("overspent");
        assertThat(within.status()).isEqualTo(201);
        assertThat(within.body().at("/budget_overspent_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(budgetOf(roomy).at("/status").asString()).isEqualTo("ok");
        assertThat(budgetOf(roomy).at("/available_amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(alertLevels(roomy)).isEmpty();
        // the owner may still change an overspent budget's settings without covering the overspend
        Map<String, Object> quieter = budget("10.00");
        quieter.put("fiscal_period", PERIOD);
        quieter.put("warning_threshold", "0.5");
        assertThat(api.put("/api/v1/financial/budgets/" + silenced, quieter).status())
                .isEqualTo(200);
        quieter.put("allocated_amount", "9.00");
        assertThat(api.put("/api/v1/financial/budgets/" + silenced, quieter).status())
                .isEqualTo(409);
    }

    @Test
    void aRetriedExpenseIsBookedOnceEvenWhenRetriedAtOnce() throws Exception {
        String department = departmentWithBudget("10.00", true);
        Map<String, String> key = key();

        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> api.postWithHeaders(expenses(department), expense("12.00", TODAY), key));
        }
        List<Response> responses = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Response> response : executor.invokeAll(calls)) {
                responses.add(response.get());
            }
        }
        Response otherMoneySameKey = api.postWithHeaders(expenses(department), expense("13.00", TODAY), key);
        Response withoutKey = api.post(expenses(department), expense("1.00", TODAY));
        Response afterTomorrow = api.postWithHeaders(expenses(department), expense("1.00", TODAY.plusDays(2)), key());

        assertThat(responses)
                .extracting(Response::status)
                .containsOnly(201, 200)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(responses)
                .extracting(r -> r.text("/id"))
                .containsOnly(responses.getFirst().text("/id"));
        assertThat(budgetOf(department).at("/spent_amount").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE department = ?", Long.class, department))
                .isEqualTo(1L);
        assertThat(otherMoneySameKey.status()).isEqualTo(422);
        assertThat(otherMoneySameKey.errorFields()).containsExactly("Idempotency-Key");
        assertThat(withoutKey.status()).isEqualTo(422);
        assertThat(withoutKey.errorFields()).containsExactly("Idempotency-Key");
        assertThat(afterTomorrow.status()).isEqualTo(422);
        assertThat(afterTomorrow.errorFields()).containsExactly("spent_on");
    }

    @Test
    void anExpenseWhoseKeyAlreadyReservedTheMoneySpendsThatReservation() {
        String department = departmentWithBudget("100.00", true);
        Map<String, String> key = key();
        Map<String, Object> held = thisMonth(reservation("30.00"));
        Response reserved = api.postWithHeaders("/api/v1/financial/budgets/" + department + "/reservations", held, key);
        Map<String, Object> spent = expense("30.00", TODAY);
        spent.put("purpose", held.get("purpose"));

        Response recorded = api.postWithHeaders(expenses(department), spent, key);

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.text("/id")).isEqualTo(reserved.text("/id"));
        assertThat(recorded.text("/status")).isEqualTo("committed");
        JsonNode status = budgetOf(department);
        assertThat(status.at("/spent_amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(status.at("/committed_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(status.at("/unbudgeted_amount").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void anExpenseWhoseReservationAPersonCommitsMeanwhileIsThatSpendAndBooksNothingMore() throws Exception {
        HeldAndSpent held = aReservationAndTheExpenseUnderItsKey();
        String department = held.department();
        String id = held.reservation().toString();

        List<Response> answers = settledWhileTheExpenseWaits(held, "commit");

        assertThat(answers.get(0).status()).isEqualTo(200);
        Response recorded = answers.get(1);
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.text("/id")).isEqualTo(id);
        assertThat(recorded.text("/status")).isEqualTo("committed");
        JsonNode status = budgetOf(department);
        assertThat(status.at("/spent_amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(status.at("/committed_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE department = ?", Long.class, department))
                .isEqualTo(1L);
    }

    @Test
    void anExpenseWhoseReservationAPersonReleasesMeanwhileIsRefusedAndBooksNothing() throws Exception {
        HeldAndSpent held = aReservationAndTheExpenseUnderItsKey();
        String department = held.department();
        String id = held.reservation().toString();

        List<Response> answers = settledWhileTheExpenseWaits(held, "release");

        assertThat(answers.get(0).status()).isEqualTo(200);
        Response refused = answers.get(1);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("Idempotency-Key");
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM budget_reservations WHERE id = ?", String.class, UUID.fromString(id)))
                .isEqualTo("released");
        JsonNode status = budgetOf(department);
        assertThat(status.at("/spent_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(status.at("/committed_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE department = ?", Long.class, department))
                .isZero();
    }

    @Test
    void spendTheBudgetsSumsCannotHoldIsRefusedNamingTheAmountAndSmallerSpendIsStillRecorded() {
        String department = departmentWithBudget("100.00", true);
        // as after about a million of the largest expenses: tests cannot send them all
        jdbc.update(
                "UPDATE budgets SET spent_amount = 999999500000.00, unbudgeted_amount = 999999499900.00"
                        + " WHERE department = ?",
                department);

        Response beyond = api.postWithHeaders(expenses(department), expense("1000000.00", TODAY), key());
        Response within = api.postWithHeaders(expenses(department), expense("499999.99", TODAY), key());

        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.errorFields()).containsExactly("amount");
        assertThat(within.status()).isEqualTo(201);
        assertThat(budgetOf(department).at("/spent_amount").decimalValue()).isEqualByComparingTo("999999999999.99");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE department = ?", Long.class, department))
                .isEqualTo(1L);
    }

    @Test
    void theAgentsClientRecordsSpendBeyondTheBudgetAndARetryBooksNothingMore() {
        String department = departmentWithBudget("5.00", true);
        FinanceBudgetClient client = new FinanceBudgetClient(
                new FinanceClientSettings(
                        "http://127.0.0.1:" + localPort,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        1,
                        Duration.ofMillis(50),
                        Duration.ofMinutes(1)),
                (request, body, execution) -> {
                    request.getHeaders().setBearerAuth(TestTokens.client("ad-agent"));
                    return execution.execute(request, body);
                });
        String key = UUID.randomUUID().toString();

        BudgetExpense first = client.recordExpense(
                new BudgetExpenseRequest(department, key, new BigDecimal("7.50"), "GBP", "ads", "ad-agent", TODAY));
        BudgetExpense again = client.recordExpense(
                new BudgetExpenseRequest(department, key, new BigDecimal("7.50"), "GBP", "ads", "ad-agent", TODAY));
        BudgetExpense noBudget = client.recordExpense(new BudgetExpenseRequest(
                freshDepartment(), key, new BigDecimal("7.50"), "GBP", "ads", "ad-agent", TODAY));

        assertThat(first).isInstanceOfSatisfying(BudgetExpense.Recorded.class, recorded -> {
            assertThat(recorded.transactionId()).isNotNull();
            assertThat(recorded.budgetOverspentAmount()).isEqualByComparingTo("2.50");
        });
        assertThat(again).isEqualTo(first);
        assertThat(noBudget).isInstanceOfSatisfying(BudgetExpense.Refused.class, refused -> assertThat(refused.status())
                .isEqualTo(404));
        assertThat(budgetOf(department).at("/spent_amount").decimalValue()).isEqualByComparingTo("7.50");
    }

    /**
     * A department's reservation of 30.00 this month, and the expense of it an agent reports under the reservation's
     * Idempotency-Key (same amount and purpose), not yet sent.
     */
    private HeldAndSpent aReservationAndTheExpenseUnderItsKey() {
        String department = departmentWithBudget("100.00", true);
        Map<String, String> key = key();
        Map<String, Object> held = thisMonth(reservation("30.00"));
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        UUID id = UUID.fromString(api.postWithHeaders(reservations, held, key).text("/id"));
        Map<String, Object> spent = expense("30.00", TODAY);
        spent.put("purpose", held.get("purpose"));
        return new HeldAndSpent(department, id, reservations + "/" + id, key, spent);
    }

    private record HeldAndSpent(
            String department,
            UUID reservation,
            String reservationPath,
            Map<String, String> key,
            Map<String, Object> expense) {}

    /**
     * The answers to a person's {@code settlement} (commit or release) of the reservation and to the expense, in
     * that order.
     */
    private List<Response> settledWhileTheExpenseWaits(HeldAndSpent held, String settlement) throws Exception {
        return settledWhileTheExpenseWaits(
                held.reservation(),
                held.reservationPath() + "/" + settlement,
                () -> api.postWithHeaders(expenses(held.department()), held.expense(), held.key()));
    }

    /**
     * The answers to a person's commit or release of the reservation ({@code settle}) and to the expense, ordered
     * so the expense reads the reservation while the settling request holds its budget but has not yet written
     * it: a second connection holds the reservation's row until the expense waits on the budget.
     */
    private List<Response> settledWhileTheExpenseWaits(UUID reservation, String settle, Callable<Response> expense)
            throws Exception {
        try (Connection blocker = dataSource.getConnection();
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            blocker.setAutoCommit(false);
            try (var lock = blocker.prepareStatement("SELECT id FROM budget_reservations WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, reservation);
                lock.executeQuery().close();
            }
            int blockerPid = backendPid(blocker);
            Future<Response> settled = executor.submit(() -> api.post(settle, Map.of()));
            int settlerPid = await().atMost(Duration.ofSeconds(10))
                    .until(() -> waitingOn(blockerPid), Optional::isPresent)
                    .orElseThrow();
            Future<Response> recorded = executor.submit(expense);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> waitingOn(settlerPid).isPresent());
            blocker.rollback();
            return List.of(settled.get(20, TimeUnit.SECONDS), recorded.get(20, TimeUnit.SECONDS));
        }
    }

    private Optional<Integer> waitingOn(int pid) {
        return jdbc
                .queryForList(
                        "SELECT pid FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))", Integer.class, pid)
                .stream()
                .findFirst();
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement("SELECT pg_backend_pid()");
                var result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private String departmentWithBudget(String allocated, boolean alerts) {
        String department = freshDepartment();
        Map<String, Object> budget = budget(allocated);
        budget.put("fiscal_period", PERIOD);
        budget.put("alerts_enabled", alerts);
        assertThat(api.put("/api/v1/financial/budgets/" + department, budget).status())
                .isEqualTo(201);
        return department;
    }

    private JsonNode budgetOf(String department) {
        return api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD)
                .body();
    }

    private List<String> alertLevels(String department) {
        List<String> levels = new ArrayList<>();
        api.get("/api/v1/financial/budgets/" + department + "/alerts?period=" + PERIOD)
                .body()
                .forEach(alert -> levels.add(alert.path("level").asString()));
        return levels;
    }

    private static String expenses(String department) {
        return "/api/v1/financial/budgets/" + department + "/expenses";
    }

    private static Map<String, Object> thisMonth(Map<String, Object> reservation) {
        reservation.put("fiscal_period", PERIOD);
        return reservation;
    }

    private static Map<String, Object> expense(String amount, LocalDate spentOn) {
        Map<String, Object> expense = reservation(amount);
        expense.remove("fiscal_period");
        expense.put("spent_on", spentOn.toString());
        expense.put("purpose", "ad spend, campaign spring-prints, " + spentOn + " (overspend)");
        return expense;
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }
}
