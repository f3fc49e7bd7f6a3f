package com.agentfactory.finance.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.messaging.testing.Api.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dates Java reads but PostgreSQL or day arithmetic cannot take are refused as input naming the field, on every
 * endpoint that takes a date, and nothing is written.
 */
class LedgerDateBoundsIT extends FinanceIntegrationTest {

    private static final String ANCIENT = "-5000-01-01T00:00:00Z";

    @Test
    void anOccurredAtBeforeTheLedgersFirstDayIsRefusedNamingTheField() {
        UUID customer = UUID.randomUUID();
        UUID sourceEvent = UUID.randomUUID();
        Map<String, Object> expense = new LinkedHashMap<>();
        expense.put("type", "expense");
        expense.put("amount", "10.00");
        expense.put("currency", "GBP");
        expense.put("department", "marketing");
        expense.put("source_event_id", sourceEvent.toString());
        expense.put("occurred_at", ANCIENT);

        Response transaction = api.post("/api/v1/financial/transactions", expense);
        Response behaviour = api.post(
                "/api/v1/customers/" + customer + "/behaviors",
                Map.of("event_type", "page_view", "occurred_at", ANCIENT));
        Response touchpoint = api.post(
                "/api/v1/financial/touchpoints",
                Map.of(
                        "customer_id", customer.toString(),
                        "agent", "campaign",
                        "channel", "email",
                        "touchpoint_type", "campaign_click",
                        "occurred_at", ANCIENT));

        for (Response refused : List.of(transaction, behaviour, touchpoint)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.errorFields()).containsExactly("occurred_at");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE source_event_id = ?",
                        Long.class,
                        sourceEvent))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM customer_touchpoints WHERE customer_id = ?", Long.class, customer))
                .isZero();
    }

    @Test
    void aTransactionListEndingOnTheLastDayJavaCanHoldIsRefusedNamingDateTo() {
        // %2B is '+': a bare one in a query string reads as a space
        Response listed = api.get("/api/v1/financial/transactions?date_to=%2B999999999-12-31");

        assertThat(listed.status()).isEqualTo(422);
        assertThat(listed.errorFields()).containsExactly("date_to");
    }

    @Test
    void anAuditWindowOutsideTheBoundIsRefusedNamingItsEnd() {
        Response ancient = api.get("/api/v1/financial/audit?from=" + ANCIENT);
        Response endless = api.get("/api/v1/financial/audit?to=%2B999999999-12-31T00:00:00Z");

        assertThat(ancient.status()).isEqualTo(422);
        assertThat(ancient.errorFields()).containsExactly("from");
        assertThat(endless.status()).isEqualTo(422);
        assertThat(endless.errorFields()).containsExactly("to");
    }

    @Test
    void everyReportPeriodBeforeTheLedgersFirstDayIsRefusedNamingDateFrom() {
        List<String> reports = List.of(
                "/api/v1/financial/kpis",
                "/api/v1/financial/reconciliation/daily",
                "/api/v1/financial/attributions/agents",
                "/api/v1/financial/attributions/channels",
                "/api/v1/analytics/agent-performance",
                "/api/v1/analytics/customer-journey",
                "/api/v1/analytics/revenue-by-segment");

        for (String report : reports) {
            Response response = api.get(report + "?date_from=-0001-01-01&date_to=-0001-01-02");
            assertThat(response.status()).as(report).isEqualTo(422);
            assertThat(response.errorFields()).as(report).containsExactly("date_from");
        }
        Response farFuture = api.get("/api/v1/financial/kpis?date_from=%2B10000-01-01&date_to=%2B10000-01-02");
        assertThat(farFuture.status()).isEqualTo(422);
        assertThat(farFuture.errorFields()).containsExactly("date_from");
    }
}
