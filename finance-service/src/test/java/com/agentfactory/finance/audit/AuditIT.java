package com.agentfactory.finance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.testing.Api.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditIT extends FinanceIntegrationTest {

    @Test
    void recordsEveryChangeToABudgetWithOldAndNewValuesAndTheActingUser() {
        String department = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String budgetId = api.put("/api/v1/financial/budgets/" + department, budget("100.00"))
                .text("/id");
        api.put("/api/v1/financial/budgets/" + department, budget("250.00"));

        Response trail = api.get("/api/v1/financial/audit?table=budgets&record_id=" + budgetId);

        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().at("/pagination/total").asLong()).isEqualTo(2);
        assertThat(trail.text("/items/0/action")).isEqualTo("INSERT");
        assertThat(trail.body().at("/items/0/old_values").isNull()).isTrue();
        assertThat(trail.body().at("/items/0/new_values/allocated_amount").decimalValue())
                .isEqualByComparingTo("100.00");
        assertThat(trail.text("/items/1/action")).isEqualTo("UPDATE");
        assertThat(trail.body().at("/items/1/old_values/allocated_amount").decimalValue())
                .isEqualByComparingTo("100.00");
        assertThat(trail.body().at("/items/1/new_values/allocated_amount").decimalValue())
                .isEqualByComparingTo("250.00");
        assertThat(trail.body().at("/items/1/changed_fields").valueStream().map(f -> f.asString()))
                .contains("allocated_amount")
                .doesNotContain("department", "currency");
        assertThat(trail.text("/items/1/user_id")).isEqualTo("test-user");
        assertThat(trail.text("/items/1/previous_hash")).isEqualTo(previousEntryHash(trail, 1));
    }

    @Test
    void recordsWhoActedWhetherAPersonOrTheConsumingAgentAndFiltersByThem() {
        Instant before = Instant.now();
        var order = OrderMother.order(Instant.now().atOffset(ZoneOffset.UTC).toInstant());
        commerce.publish(order);
        String user = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String expenseId =
                api.postAs("/api/v1/financial/transactions", expense(), user).text("/id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM financial_transactions WHERE source_event_id = ?",
                                Long.class,
                                order.eventId())
                        == 1);
        UUID revenueId = jdbc.queryForObject(
                "SELECT id FROM financial_transactions WHERE source_event_id = ?", UUID.class, order.eventId());

        Response byAgent = api.get("/api/v1/financial/audit?agent=finance&record_id=" + revenueId);
        Response byUser = api.get("/api/v1/financial/audit?user=" + user + "&from=" + before);
        Response later = api.get("/api/v1/financial/audit?user=" + user + "&from="
                + Instant.now().plusSeconds(60));

        assertThat(byAgent.body().at("/pagination/total").asLong()).isEqualTo(1);
        assertThat(byAgent.text("/items/0/table_name")).isEqualTo("financial_transactions");
        assertThat(byAgent.body().at("/items/0/user_id").isNull()).isTrue();
        assertThat(byUser.body().at("/pagination/total").asLong()).isEqualTo(1);
        assertThat(byUser.text("/items/0/record_id")).isEqualTo(expenseId);
        assertThat(later.body().at("/pagination/total").asLong()).isZero();
        assertThat(api.get("/api/v1/financial/audit?table=users").status()).isEqualTo(422);
    }

    @Test
    void theTrailOfRevenueAttributionsCanBeFilteredByItsTable() {
        var order = OrderMother.orderBy(UUID.randomUUID(), Instant.now(), "5.00x2");
        commerce.publish(order);
        awaitRecorded(order);
        // the shares are written in the booking's transaction
        UUID shareId = jdbc.queryForObject(
                "SELECT id FROM revenue_attributions WHERE order_id = ? LIMIT 1", UUID.class, order.orderId());

        Response trail = api.get("/api/v1/financial/audit?table=revenue_attributions&record_id=" + shareId);

        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().at("/pagination/total").asLong()).isEqualTo(1);
        assertThat(trail.text("/items/0/table_name")).isEqualTo("revenue_attributions");
        assertThat(trail.text("/items/0/action")).isEqualTo("INSERT");
        assertThat(trail.text("/items/0/agent_id")).isEqualTo("finance");
    }

    @Test
    void theTrailOfRefundsAttributionFoundNothingLeftToTakeFromCanBeFilteredByItsTable() {
        OrderPlaced order = OrderMother.orderBy(UUID.randomUUID(), Instant.now(), "5.00x2");
        // the same goods cancelled twice before the order is booked: the second is offset to nothing when it is, so
        // attribution finds nothing left for it to take and marks it considered
        OrderCancelled first =
                OrderMother.cancellationOf(order, order.occurredAt().plusSeconds(60));
        OrderCancelled second =
                OrderMother.cancellationOf(order, order.occurredAt().plusSeconds(120));
        for (var event : List.of(first, second, order)) {
            commerce.publish(event);
            awaitRecorded(event);
        }
        UUID markId = jdbc.queryForObject(
                "SELECT c.id FROM revenue_attribution_refunds_considered c"
                        + " JOIN financial_transactions t ON t.id = c.refund_transaction_id"
                        + " WHERE t.source_event_id = ?",
                UUID.class,
                second.eventId());

        Response trail =
                api.get("/api/v1/financial/audit?table=revenue_attribution_refunds_considered&record_id=" + markId);

        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body().at("/pagination/total").asLong()).isEqualTo(1);
        assertThat(trail.text("/items/0/table_name")).isEqualTo("revenue_attribution_refunds_considered");
        assertThat(trail.text("/items/0/action")).isEqualTo("INSERT");
        assertThat(trail.text("/items/0/agent_id")).isEqualTo("finance");
    }

    @Test
    void everyTableWithTheAuditTriggerCanBeFilteredFor() {
        List<String> audited = jdbc.queryForList(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers"
                        + " WHERE event_object_schema = current_schema()"
                        + "   AND action_statement LIKE '%audit_row_change()%'",
                String.class);

        assertThat(audited).contains("financial_transactions", "revenue_attribution_refunds_considered");
        assertThat(audited).allSatisfy(table -> assertThat(
                        api.get("/api/v1/financial/audit?table=" + table).status())
                .as("the trail of %s filtered by its table", table)
                .isEqualTo(200));
    }

    @Test
    void verifyFindsTheEntryThatWasTamperedWith() {
        String department = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String budgetId = api.put("/api/v1/financial/budgets/" + department, budget("100.00"))
                .text("/id");
        long seq = jdbc.queryForObject(
                "SELECT seq FROM audit_log WHERE record_id = ?::uuid AND action = 'INSERT'", Long.class, budgetId);
        Response intact = api.get("/api/v1/financial/audit/verify");
        String original =
                jdbc.queryForObject("SELECT new_values::text FROM audit_log WHERE seq = ?", String.class, seq);

        jdbc.update(
                "UPDATE audit_log SET new_values = jsonb_set(new_values, '{allocated_amount}', '1000000') WHERE seq = ?",
                seq);
        try {
            Response tampered = api.get("/api/v1/financial/audit/verify");

            assertThat(intact.body().at("/valid").asBoolean()).isTrue();
            assertThat(intact.body().at("/entries_checked").asLong()).isGreaterThanOrEqualTo(seq);
            assertThat(tampered.body().at("/valid").asBoolean()).isFalse();
            assertThat(tampered.body().at("/first_broken_entry").asLong()).isEqualTo(seq);
        } finally {
            jdbc.update("UPDATE audit_log SET new_values = ?::jsonb WHERE seq = ?", original, seq);
        }
        assertThat(api.get("/api/v1/financial/audit/verify").body().at("/valid").asBoolean())
                .as("restoring the content restores the chain")
                .isTrue();
    }

    @Test
    void verifyWalksABoundedStretchOfTheChainAndSaysWhereToGoOn() {
        String department = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        api.put("/api/v1/financial/budgets/" + department, budget("200.00"));
        long last = jdbc.queryForObject("SELECT max(seq) FROM audit_log", Long.class);
        String original =
                jdbc.queryForObject("SELECT new_values::text FROM audit_log WHERE seq = ?", String.class, last);

        Response beforeIt = api.get("/api/v1/financial/audit/verify?from_seq=" + (last - 1) + "&limit=1");
        Response beyond = api.get("/api/v1/financial/audit/verify?from_seq=" + (last + 2));
        Response tooMany = api.get("/api/v1/financial/audit/verify?limit=100001");
        jdbc.update("UPDATE audit_log SET new_values = '{}'::jsonb WHERE seq = ?", last);
        try {
            Response atIt = api.get("/api/v1/financial/audit/verify?from_seq=" + last + "&limit=1");

            assertThat(atIt.body().at("/valid").asBoolean()).isFalse();
            assertThat(atIt.body().at("/entries_checked").asLong()).isEqualTo(1);
            assertThat(atIt.body().at("/first_broken_entry").asLong()).isEqualTo(last);
        } finally {
            jdbc.update("UPDATE audit_log SET new_values = ?::jsonb WHERE seq = ?", original, last);
        }
        assertThat(beforeIt.body().at("/valid").asBoolean()).isTrue();
        assertThat(beforeIt.body().at("/entries_checked").asLong()).isEqualTo(1);
        assertThat(beforeIt.body().at("/next_seq").asLong()).isEqualTo(last);
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.errorFields()).containsExactly("from_seq");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorFields()).containsExactly("limit");
    }

    @Test
    void aVerificationStoppedAtItsLimitSaysItIsNotCompleteAndOneThatReachedTheEndSaysItIs() {
        String department = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        api.put("/api/v1/financial/budgets/" + department, budget("200.00"));
        long last = jdbc.queryForObject("SELECT max(seq) FROM audit_log", Long.class);

        Response stopped = api.get("/api/v1/financial/audit/verify?from_seq=" + (last - 1) + "&limit=1");
        Response toTheEnd = api.get("/api/v1/financial/audit/verify?from_seq=" + (last - 1) + "&limit=2");

        // valid stays true on a stopped walk (a client following next_seq goes on while it is), so only complete
        // tells a client reading one answer that the rest of the chain was not checked
        assertThat(stopped.body().at("/valid").asBoolean()).isTrue();
        assertThat(stopped.body().at("/complete").isBoolean()).isTrue();
        assertThat(stopped.body().at("/complete").asBoolean()).isFalse();
        assertThat(stopped.body().at("/next_seq").asLong()).isEqualTo(last);
        assertThat(toTheEnd.body().at("/valid").asBoolean()).isTrue();
        assertThat(toTheEnd.body().at("/complete").asBoolean()).isTrue();
        assertThat(toTheEnd.body().has("next_seq")).isFalse();
    }

    @Test
    void aVerificationThatFoundABreakIsNotComplete() {
        String department = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        api.put("/api/v1/financial/budgets/" + department, budget("100.00"));
        api.put("/api/v1/financial/budgets/" + department, budget("200.00"));
        long last = jdbc.queryForObject("SELECT max(seq) FROM audit_log", Long.class);
        String original =
                jdbc.queryForObject("SELECT new_values::text FROM audit_log WHERE seq = ?", String.class, last - 1);
        jdbc.update("UPDATE audit_log SET new_values = '{}'::jsonb WHERE seq = ?", last - 1);
        try {
            Response broken = api.get("/api/v1/financial/audit/verify?from_seq=" + (last - 1));

            assertThat(broken.body().at("/valid").asBoolean()).isFalse();
            assertThat(broken.body().at("/first_broken_entry").asLong()).isEqualTo(last - 1);
            assertThat(broken.body().at("/complete").isBoolean()).isTrue();
            assertThat(broken.body().at("/complete").asBoolean()).isFalse();
        } finally {
            jdbc.update("UPDATE audit_log SET new_values = ?::jsonb WHERE seq = ?", original, last - 1);
        }
    }

    private String previousEntryHash(Response trail, int index) {
        long seq = trail.body().at("/items/" + index + "/seq").asLong();
        return jdbc.queryForObject(
                "SELECT encode(entry_hash, 'hex') FROM audit_log WHERE seq = ?", String.class, seq - 1);
    }

    private static Map<String, Object> budget(String allocated) {
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("fiscal_period", "2026-05");
        budget.put("allocated_amount", allocated);
        budget.put("currency", "GBP");
        return budget;
    }

    private static Map<String, Object> expense() {
        Map<String, Object> expense = new LinkedHashMap<>();
        expense.put("type", "adjustment");
        expense.put("amount", "3.10");
        expense.put("currency", "GBP");
        expense.put("department", "finance");
        expense.put("description", "rounding correction");
        return expense;
    }
}
