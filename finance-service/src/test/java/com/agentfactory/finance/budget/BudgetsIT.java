package com.agentfactory.finance.budget;

import static com.agentfactory.finance.budget.BudgetMother.PERIOD;
import static com.agentfactory.finance.budget.BudgetMother.budget;
import static com.agentfactory.finance.budget.BudgetMother.freshDepartment;
import static com.agentfactory.finance.budget.BudgetMother.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.TopicMessages;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.messaging.testing.Api.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class BudgetsIT extends FinanceIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void createsABudgetThenUpdatesItAndReportsItsStatus() {
        String department = freshDepartment();

        Response created = api.put("/api/v1/financial/budgets/" + department, budget("5000.00"));
        Map<String, Object> raise = budget("7500.50");
        raise.put("warning_threshold", "0.7");
        Response updated = api.put("/api/v1/financial/budgets/" + department, raise);
        Response status = api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().at("/warning_threshold").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(created.body().at("/critical_threshold").decimalValue()).isEqualByComparingTo("0.95");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().at("/allocated_amount").decimalValue()).isEqualByComparingTo("7500.50");
        assertThat(status.body().at("/available_amount").decimalValue()).isEqualByComparingTo("7500.50");
        assertThat(status.body().at("/warning_threshold").decimalValue()).isEqualByComparingTo("0.7");
        assertThat(status.text("/status")).isEqualTo("ok");
        assertThat(api.get("/api/v1/financial/budgets/" + department + "?period=2026-04")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aReservationIsNotSpentAsAnotherTransactionPostedUnderItsId() {
        String department = freshDepartment();
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        String id = api.post(reservations, reservation("30.00")).text("/id");
        Map<String, Object> other = new java.util.LinkedHashMap<>();
        other.put("type", "expense");
        other.put("amount", "1.00");
        other.put("currency", "GBP");
        other.put("department", "marketing");
        other.put("source_event_id", id);
        assertThat(api.post("/api/v1/financial/transactions", other).status()).isEqualTo(201);

        Response commit = api.post(reservations + "/" + id + "/commit", Map.of());

        assertThat(commit.status()).as(String.valueOf(commit.body())).isEqualTo(409);
        assertThat(commit.text("/detail")).contains("source_event_id " + id);
        Response status = api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD);
        assertThat(status.body().at("/committed_amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(status.body().at("/spent_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject("SELECT status FROM budget_reservations WHERE id = ?::uuid", String.class, id))
                .isEqualTo("reserved");
    }

    @Test
    void neverOverspendsWhenFiftyAgentsReserveAtOnce() throws Exception {
        String department = freshDepartment();
        api.put("/api/v1/financial/budgets/" + department, budget("1000.00"));

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> api.post("/api/v1/financial/budgets/" + department + "/reservations", reservation("100.00"))
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : executor.invokeAll(calls)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
        Response status = api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD);
        assertThat(status.body().at("/committed_amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(status.body().at("/available_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject(
                        "SELECT sum(amount) FROM budget_reservations r JOIN budgets b ON b.id = r.budget_id"
                                + " WHERE b.department = ?",
                        BigDecimal.class,
                        department))
                .isEqualByComparingTo("1000.00");
    }

    @Test
    void aReservationRetriedInTheNextFiscalMonthGetsTheFirstReservationBack() {
        String department = freshDepartment();
        String base = "/api/v1/financial/budgets/" + department + "/reservations";
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        Map<String, Object> nextMonth = budget("100.00");
        nextMonth.put("fiscal_period", "2026-04");
        api.put("/api/v1/financial/budgets/" + department, nextMonth);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> retry = reservation("60.00");
        retry.put("fiscal_period", "2026-04");

        Response first = api.postWithHeaders(base, reservation("60.00"), key);
        Response retried = api.postWithHeaders(base, retry, key);

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("/id")).isEqualTo(first.text("/id"));
        assertThat(retried.text("/fiscal_period")).isEqualTo(PERIOD);
        assertThat(api.get("/api/v1/financial/budgets/" + department + "?period=2026-04")
                        .body()
                        .at("/committed_amount")
                        .decimalValue())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void concurrentReservationsWithOneKeyForTwoFiscalMonthsReserveOnce() throws Exception {
        String department = freshDepartment();
        String base = "/api/v1/financial/budgets/" + department + "/reservations";
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        Map<String, Object> nextMonth = budget("100.00");
        nextMonth.put("fiscal_period", "2026-04");
        api.put("/api/v1/financial/budgets/" + department, nextMonth);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> retryNextMonth = reservation("10.00");
        retryNextMonth.put("fiscal_period", "2026-04");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // each month's budget row is a different lock: only the key's own lock orders these
            Map<String, Object> body = i % 2 == 0 ? reservation("10.00") : retryNextMonth;
            calls.add(() -> api.postWithHeaders(base, body, key));
        }

        List<Response> responses = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Response> response : executor.invokeAll(calls)) {
                responses.add(response.get());
            }
        }

        assertThat(responses)
                .extracting(Response::status)
                .containsOnly(201, 200)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(responses)
                .extracting(r -> r.text("/id"))
                .containsOnly(responses.getFirst().text("/id"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM budget_reservations r JOIN budgets b ON b.id = r.budget_id"
                                + " WHERE b.department = ?",
                        Long.class,
                        department))
                .isEqualTo(1L);
    }

    @Test
    void aRetriedReservationWithItsIdempotencyKeyGetsTheFirstReservationBackEvenWhenRetriedAtOnce() throws Exception {
        String department = freshDepartment();
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        String base = "/api/v1/financial/budgets/" + department + "/reservations";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Response first = api.postWithHeaders(base, reservation("60.00"), key);
        Response retried = api.postWithHeaders(base, reservation("60.00"), key);
        Response otherRequestSameKey = api.postWithHeaders(base, reservation("30.00"), key);
        Map<String, String> concurrentKey =
                Map.of("Idempotency-Key", UUID.randomUUID().toString());
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> api.postWithHeaders(base, reservation("10.00"), concurrentKey));
        }
        List<Response> concurrent = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Response> response : executor.invokeAll(calls)) {
                concurrent.add(response.get());
            }
        }

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("/id")).isEqualTo(first.text("/id"));
        assertThat(otherRequestSameKey.status()).isEqualTo(422);
        assertThat(otherRequestSameKey.errorFields()).containsExactly("Idempotency-Key");
        assertThat(concurrent)
                .extracting(Response::status)
                .containsOnly(201, 200)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(concurrent)
                .extracting(r -> r.text("/id"))
                .containsOnly(concurrent.getFirst().text("/id"));
        Response status = api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD);
        assertThat(status.body().at("/committed_amount").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(api.postWithHeaders(base, reservation("1.00"), Map.of("Idempotency-Key", "has space"))
                        .errorFields())
                .containsExactly("Idempotency-Key");
    }

    @Test
    void spendingAReservationRecordsTheExpenseAndReleasingGivesTheMoneyBack() {
        String department = freshDepartment();
        api.put("/api/v1/financial/budgets/" + department, budget("500.00"));
        String base = "/api/v1/financial/budgets/" + department + "/reservations";
        String spent = api.post(base, reservation("120.25")).text("/id");
        String returned = api.post(base, reservation("79.75")).text("/id");
        base += "/";

        Response committed = api.post(base + spent + "/commit", Map.of());
        Response committedAgain = api.post(base + spent + "/commit", Map.of());
        Response released = api.post(base + returned + "/release", Map.of());
        Response spendReleased = api.post(base + returned + "/commit", Map.of());

        assertThat(committed.status()).isEqualTo(200);
        assertThat(committed.text("/status")).isEqualTo("committed");
        assertThat(committedAgain.text("/transaction_id")).isEqualTo(committed.text("/transaction_id"));
        assertThat(released.text("/status")).isEqualTo("released");
        assertThat(spendReleased.status()).isEqualTo(409);
        Response status = api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD);
        assertThat(status.body().at("/spent_amount").decimalValue()).isEqualByComparingTo("120.25");
        assertThat(status.body().at("/committed_amount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(status.body().at("/available_amount").decimalValue()).isEqualByComparingTo("379.75");
        Map<String, Object> expense = jdbc.queryForMap(
                "SELECT transaction_type, amount, department, attributed_agent FROM financial_transactions WHERE id = ?",
                UUID.fromString(committed.text("/transaction_id")));
        assertThat(expense.get("transaction_type")).isEqualTo("expense");
        assertThat((BigDecimal) expense.get("amount")).isEqualByComparingTo("120.25");
        assertThat(expense.get("department")).isEqualTo(department);
        assertThat(expense.get("attributed_agent")).isEqualTo("ad-agent");
    }

    @Test
    void raisesOneAlertPerThresholdCrossingAndPublishesIt() {
        String department = freshDepartment();
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));

        api.post(reservations, reservation("50.00"));
        String thirty = api.post(reservations, reservation("30.00")).text("/id"); // 80%: warning
        api.post(reservations, reservation("5.00")); // 85%: still warning, nothing new
        api.post(reservations, reservation("10.00")); // 95%: critical
        api.post(reservations + "/" + thirty + "/release", Map.of()); // 65%: back below both
        api.post(reservations, reservation("20.00")); // 85%: warning crossed again

        Response alerts = api.get("/api/v1/financial/budgets/" + department + "/alerts?period=" + PERIOD);
        assertThat(alerts.status()).isEqualTo(200);
        List<String> levels = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        alerts.body().forEach(alert -> {
            levels.add(alert.path("level").asString());
            ids.add(UUID.fromString(alert.path("id").asString()));
        });
        assertThat(levels).containsExactly("warning", "critical", "warning");
        assertThat(alerts.body().at("/1/utilisation").decimalValue()).isEqualByComparingTo("0.95");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicMessages.withMessageIds(bootstrapServers, "finance.alerts", ids)
                                .size()
                        == 3);
        var published = TopicMessages.withMessageIds(bootstrapServers, "finance.alerts", ids);
        assertThat(published).allSatisfy(envelope -> {
            assertThat(envelope.action()).isEqualTo("budget.threshold_crossed");
            assertThat(envelope.payload().data().path("department").asString()).isEqualTo(department);
        });
    }

    @Test
    void answersEveryWrongRequestWithTheRightProblem() {
        String department = freshDepartment();
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        Map<String, Object> badPeriod = budget("10.00");
        badPeriod.put("fiscal_period", "2026-13");
        Map<String, Object> fakeCurrency = budget("10.00");
        fakeCurrency.put("currency", "ABC");
        Map<String, Object> inDollars = reservation("1.00");
        inDollars.put("currency", "USD");
        Map<String, Object> noAmount = reservation("1.00");
        noAmount.remove("amount");

        assertThat(api.put("/api/v1/financial/budgets/" + department, badPeriod).errorFields())
                .containsExactly("fiscal_period");
        assertThat(api.put("/api/v1/financial/budgets/" + department, fakeCurrency)
                        .status())
                .isEqualTo(422);
        assertThat(api.put("/api/v1/financial/budgets/Not%20A%20Department", budget("10.00"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(reservations, reservation("1.00")).status()).isEqualTo(404);
        api.put("/api/v1/financial/budgets/" + department, budget("10.00"));
        api.post(reservations, reservation("8.00"));
        assertThat(api.post(reservations, inDollars).status()).isEqualTo(422);
        assertThat(api.post(reservations, noAmount).errorFields()).containsExactly("amount");
        Map<String, Object> noChannelName = new java.util.LinkedHashMap<>(reservation("1.00"));
        noChannelName.put("channel", "Paid Social!");
        Response badChannel = api.post(reservations, noChannelName);
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.errorFields()).containsExactly("channel");
        Response tooMuch = api.post(reservations, reservation("2.01"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.body().at("/available_amount").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(api.put("/api/v1/financial/budgets/" + department, budget("7.99"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(reservations + "/" + UUID.randomUUID() + "/commit", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void answersTheCheckBudgetTaskWithAReservationOrARefusal() {
        String department = freshDepartment();
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        var probe = new AgentTaskProbe(bootstrapServers);
        EnvelopeCodec codec = new EnvelopeCodec();
        Map<String, Object> input = new java.util.LinkedHashMap<>(reservation("60.00"));
        input.put("department", department);

        var approved = probe.run("finance", "check-budget", codec.toTree(input), Duration.ofSeconds(60));
        var refused = probe.run("finance", "check-budget", codec.toTree(input), Duration.ofSeconds(60));
        input.remove("amount");
        var invalid = probe.run("finance", "check-budget", codec.toTree(input), Duration.ofSeconds(60));

        assertThat(approved).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("approved").asBoolean()).isTrue();
            assertThat(change.output().path("available_amount").decimalValue()).isEqualByComparingTo("40.00");
        });
        assertThat(refused).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("approved").asBoolean()).isFalse();
            assertThat(change.output().path("reason").asString()).isEqualTo("insufficient_budget");
        });
        assertThat(invalid).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED);
            assertThat(change.errors()).extracting(FieldErrorDetail::field).containsExactly("amount");
        });
        assertThat(api.get("/api/v1/financial/budgets/" + department + "?period=" + PERIOD)
                        .body()
                        .at("/committed_amount")
                        .decimalValue())
                .isEqualByComparingTo("60.00");
    }
}
