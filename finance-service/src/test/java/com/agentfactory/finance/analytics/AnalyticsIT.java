package com.agentfactory.finance.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** One day of a small store: two visitors, one buys after talking to an agent; the views and KPIs see it. */
class AnalyticsIT extends FinanceIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Test
    void refreshedViewsShowAgentPerformanceTheFunnelAndRevenueBySegment() {
        Day day = aDay();

        Response refreshed = api.post("/api/v1/analytics/refresh", Map.of());
        assertThat(refreshed.status()).isEqualTo(200);

        Response performance = api.get(
                "/api/v1/analytics/agent-performance?date_from=" + day.date + "&date_to=" + day.date + "&model=linear");
        JsonNode row = only(performance, "agent", day.agent);
        // two touchpoints (4 s and 2 s to respond) and two tasks (completed in 2 s, failed after 6 s)
        assertThat(row.path("total_interactions").asLong()).isEqualTo(4);
        assertThat(row.path("customer_touchpoints").asLong()).isEqualTo(2);
        assertThat(row.path("tasks_completed").asLong()).isEqualTo(1);
        assertThat(row.path("tasks_failed").asLong()).isEqualTo(1);
        assertThat(row.path("avg_response_time_ms").decimalValue()).isEqualByComparingTo("3500");
        assertThat(row.path("success_rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(row.path("touchpoint_conversion_rate").decimalValue()).isEqualByComparingTo("1");
        assertThat(row.at("/revenue_attributed/GBP").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(performance.body().path("refreshed_at").isNull()).isFalse();

        Response journey = api.get("/api/v1/analytics/customer-journey?date_from=" + day.date + "&date_to=" + day.date);
        assertThat(journey.body().path("rows").size()).isEqualTo(1);
        JsonNode cohort = journey.body().at("/rows/0");
        assertThat(cohort.path("total_visitors").asLong()).isEqualTo(2);
        assertThat(cohort.path("considered").asLong()).isEqualTo(1);
        assertThat(cohort.path("showed_intent").asLong()).isEqualTo(1);
        assertThat(cohort.path("purchased").asLong()).isEqualTo(1);
        assertThat(cohort.path("avg_hours_to_purchase").decimalValue()).isEqualByComparingTo("4.00");

        String segment = api.get("/api/v1/customers/" + day.buyer + "/segment").text("/segment");
        Response bySegment =
                api.get("/api/v1/analytics/revenue-by-segment?date_from=" + day.date + "&date_to=" + day.date);
        JsonNode revenue = only(bySegment, "segment", segment);
        assertThat(revenue.path("revenue").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(revenue.path("orders").asLong()).isEqualTo(1);
        assertThat(revenue.path("currency").asString()).isEqualTo("GBP");
    }

    @Test
    void anOrderWhoseGoodsAddedLaterAreBookedUnderAnotherIdCountsAsOneOrderOfItsSegment() {
        LocalDate date = freshDay();
        UUID buyer = UUID.randomUUID();
        UUID otherBuyer = UUID.randomUUID();
        OrderPlaced order = OrderMother.orderNumbered("seg-" + UUID.randomUUID(), buyer, at(date, 9, 0), "10.00x1");
        // the back office books the added item under an id of its own and the order's number, in its own case
        OrderPlaced added =
                OrderMother.numberInUpperCase(OrderMother.addedUnderAnotherId(order, at(date, 10, 0), "5.00x1"));
        OrderPlaced other = OrderMother.orderBy(otherBuyer, at(date, 11, 0), "15.00x1");
        commerce.publishAll(List.of(order, added, other));
        awaitRecorded(order);
        awaitRecorded(added);
        awaitRecorded(other);
        // orders of that long ago make both lapsed customers, the segment the view files their revenue under
        for (UUID customer : List.of(buyer, otherBuyer)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "lapsed_customer"
                    .equals(api.get("/api/v1/customers/" + customer + "/segment")
                            .text("/segment")));
        }

        assertThat(api.post("/api/v1/analytics/refresh", Map.of()).status()).isEqualTo(200);

        Response bySegment = api.get("/api/v1/analytics/revenue-by-segment?date_from=" + date + "&date_to=" + date);
        JsonNode lapsed = only(bySegment, "segment", "lapsed_customer");
        assertThat(lapsed.path("revenue").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(lapsed.path("orders").asLong()).isEqualTo(2);
        assertThat(lapsed.path("customers").asLong()).isEqualTo(2);
    }

    @Test
    void kpisIncludeConversionLifetimeValueAndReturnOnSpend() {
        Day day = aDay();
        Response expense = api.post(
                "/api/v1/financial/transactions",
                Map.of(
                        "type", "expense",
                        "amount", "5.00",
                        "currency", "GBP",
                        "department", "support",
                        "attributed_agent", day.agent,
                        "metadata", Map.of("channel", day.channel),
                        "occurred_at",
                                day.date.atTime(18, 0).toInstant(ZoneOffset.UTC).toString()));
        assertThat(expense.status()).isEqualTo(201);

        Response kpis =
                api.get("/api/v1/financial/kpis?date_from=" + day.date + "&date_to=" + day.date + "&model=linear");

        assertThat(kpis.status()).isEqualTo(200);
        assertThat(kpis.body().at("/conversion/visitors").asLong()).isEqualTo(2);
        assertThat(kpis.body().at("/conversion/converted").asLong()).isEqualTo(1);
        assertThat(kpis.body().at("/conversion/conversion_rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(kpis.body().at("/currencies/0/customer_lifetime_value").decimalValue())
                .isEqualByComparingTo("20.00");
        assertThat(kpis.text("/attribution_model")).isEqualTo("linear");
        JsonNode roas = only(kpis.body().path("roas_by_agent"), "key", day.agent);
        assertThat(roas.path("attributed_revenue").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(roas.path("expenses").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(roas.path("roas").decimalValue()).isEqualByComparingTo("4");
        assertThat(only(kpis.body().path("roas_by_channel"), "key", day.channel)
                        .path("roas")
                        .decimalValue())
                .isEqualByComparingTo("4");
    }

    /**
     * The ad agent's case: its expenses come through a reservation it commits, not a posted expense. They must be
     * booked under the agent its token names (its touchpoints' agent), whatever requested_by says, and carry its
     * channel, or its return on spend splits into a row of revenue and a row of expenses.
     */
    @Test
    void anAgentsReservedAndCommittedSpendMeetsItsAttributedRevenueInOneReturnOnSpendRow() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String agent = "ads-" + suffix;
        String channel = "display-" + suffix;
        String department = "ads-" + suffix;
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        UUID buyer = UUID.randomUUID();
        touch(buyer, agent, channel, 1000, now.minus(Duration.ofHours(2)));
        OrderPlaced order = OrderMother.orderBy(buyer, now.minus(Duration.ofHours(1)), "10.00x2");
        commerce.publish(order);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM revenue_attributions WHERE order_id = ?",
                                Long.class,
                                order.orderId())
                        > 0);
        assertThat(api.put(
                                "/api/v1/financial/budgets/" + department,
                                Map.of(
                                        "fiscal_period",
                                        YearMonth.from(today).toString(),
                                        "allocated_amount",
                                        "100.00",
                                        "currency",
                                        "GBP"))
                        .status())
                .isEqualTo(201);

        String expense = spendAs(TestTokens.client(agent), department, today, "someone-" + suffix, channel);
        // the platform's ad agent: its client id is ad-agent, its touchpoints name it ad
        String adExpense = spendAs(TestTokens.client("ad-agent"), department, today, "ad-agent", "ad");

        Response kpis = api.get(
                "/api/v1/financial/kpis?date_from=" + today.minusDays(1) + "&date_to=" + today + "&model=linear");
        assertThat(kpis.status()).isEqualTo(200);
        JsonNode roas = only(kpis.body().path("roas_by_agent"), "key", agent);
        assertThat(roas.path("attributed_revenue").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(roas.path("expenses").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(roas.path("roas").decimalValue()).isEqualByComparingTo("4");
        assertThat(kpis.body().path("roas_by_agent").valueStream().map(row -> row.path("key")
                        .asString()))
                .doesNotContain("someone-" + suffix);
        assertThat(only(kpis.body().path("roas_by_channel"), "key", channel)
                        .path("roas")
                        .decimalValue())
                .isEqualByComparingTo("4");
        assertThat(jdbc.queryForMap(
                        "SELECT attributed_agent, metadata->>'channel' AS channel FROM financial_transactions"
                                + " WHERE id = ?::uuid",
                        adExpense))
                .containsEntry("attributed_agent", "ad")
                .containsEntry("channel", "ad");
        assertThat(expense).isNotEqualTo(adExpense);
    }

    /** Reserves 5.00 for today as the token's caller, commits it, and answers the expense's transaction id. */
    private String spendAs(String token, String department, LocalDate day, String requestedBy, String channel) {
        var asCaller = api.withToken(token);
        String reservations = "/api/v1/financial/budgets/" + department + "/reservations";
        Response reserved = asCaller.postWithHeaders(
                reservations,
                Map.of(
                        "spent_on",
                        day.toString(),
                        "amount",
                        "5.00",
                        "currency",
                        "GBP",
                        "purpose",
                        "display ads, " + day,
                        "requested_by",
                        requestedBy,
                        "channel",
                        channel),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reserved.status()).as(reserved.body().toString()).isEqualTo(201);
        Response committed = asCaller.post(reservations + "/" + reserved.text("/id") + "/commit", Map.of());
        assertThat(committed.status()).as(committed.body().toString()).isEqualTo(200);
        return committed.text("/transaction_id");
    }

    private record Day(LocalDate date, String agent, String channel, UUID buyer) {}

    private Day aDay() {
        LocalDate date = freshDay();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String agent = "support-" + suffix;
        String channel = "chat-" + suffix;
        UUID buyer = UUID.randomUUID();
        UUID browser = UUID.randomUUID();
        behaviour(browser, "page_view", at(date, 8, 0));
        behaviour(buyer, "page_view", at(date, 8, 0));
        behaviour(buyer, "product_view", at(date, 9, 0));
        behaviour(buyer, "add_to_cart", at(date, 10, 0));
        touch(buyer, agent, channel, 4000, at(date, 8, 30));
        touch(buyer, agent, channel, 2000, at(date, 10, 30));
        UUID done = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        report(done, agent, ReportedTaskStatus.ASSIGNED, at(date, 8, 0));
        report(done, agent, ReportedTaskStatus.COMPLETED, at(date, 8, 0).plusSeconds(2));
        report(broken, agent, ReportedTaskStatus.ASSIGNED, at(date, 9, 0));
        report(broken, agent, ReportedTaskStatus.FAILED, at(date, 9, 0).plusSeconds(6));
        OrderPlaced order = OrderMother.orderBy(buyer, at(date, 12, 0), "10.00x2");
        commerce.publish(order);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM revenue_attributions WHERE order_id = ?",
                                Long.class,
                                order.orderId())
                        > 0);
        // the purchase behaviour the funnel counts is recorded after the order's booking, not with it
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM customer_behaviors WHERE customer_id = ? AND event_type = 'purchase'",
                                Long.class,
                                buyer)
                        == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM agent_task_reports WHERE agent_type = ?", Long.class, agent)
                        == 4);
        return new Day(date, agent, channel, buyer);
    }

    private void report(UUID taskId, String agent, ReportedTaskStatus status, Instant at) {
        var change = new TaskStatusChanged(
                taskId,
                "answer_question",
                status,
                UUID.randomUUID().toString(),
                agent,
                agent + "-1",
                null,
                null,
                null,
                1,
                at,
                null,
                List.of());
        MessageEnvelope envelope = MessageEnvelope.builder()
                .sender(UUID.randomUUID().toString(), agent)
                .recipient(null, "supervisor")
                .action(status.action())
                .data(codec.toTree(change))
                .build();
        kafka.send(Topics.AGENT_EVENTS, taskId.toString(), codec.encode(envelope))
                .join();
    }

    private void behaviour(UUID customer, String type, Instant at) {
        assertThat(api.post(
                                "/api/v1/customers/" + customer + "/behaviors",
                                Map.of("event_type", type, "occurred_at", at.toString()))
                        .status())
                .isEqualTo(201);
    }

    private void touch(UUID customer, String agent, String channel, long responseMs, Instant at) {
        assertThat(api.post(
                                "/api/v1/financial/touchpoints",
                                Map.of(
                                        "customer_id",
                                        customer.toString(),
                                        "agent",
                                        agent,
                                        "channel",
                                        channel,
                                        "touchpoint_type",
                                        "support_conversation",
                                        "response_time_ms",
                                        responseMs,
                                        "occurred_at",
                                        at.toString()))
                        .status())
                .isEqualTo(201);
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    private static JsonNode only(Response response, String field, String value) {
        return only(response.body().path("rows"), field, value);
    }

    private static JsonNode only(JsonNode rows, String field, String value) {
        JsonNode found = null;
        for (JsonNode row : rows) {
            if (value.equals(row.path(field).asString())) {
                assertThat(found).as("one row with %s = %s", field, value).isNull();
                found = row;
            }
        }
        assertThat(found).as("a row with %s = %s in %s", field, value, rows).isNotNull();
        return found;
    }
}
