package com.agentfactory.finance.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.testing.Api.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransactionsIT extends FinanceIntegrationTest {

    @Test
    void recordsRevenueAndRefundsFromOrderEventsExactToTheCent() {
        LocalDate day = freshDay();
        Instant morning = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        OrderPlaced typical = OrderMother.order(morning);
        // 2.125 rounds to 2.12 under HALF_EVEN (HALF_UP would give 2.13)
        OrderPlaced halfCent = OrderMother.order(morning.plusSeconds(60), "2.125x1");
        var cancellation = OrderMother.cancellationOf(typical, morning.plusSeconds(3600));

        commerce.publishAll(List.of(typical, halfCent, cancellation));
        // orders of other customers may sit on other partitions, behind the cancellation
        List.of(typical, halfCent, cancellation).forEach(this::awaitRecorded);

        Response report = reconciliation(day);
        assertThat(report.body().at("/days").size()).isEqualTo(1);
        assertThat(report.body().at("/days/0/transaction_count").asLong()).isEqualTo(3);
        assertThat(report.body().at("/days/0/revenue").decimalValue()).isEqualByComparingTo("44.54");
        assertThat(report.body().at("/days/0/refunds").decimalValue()).isEqualByComparingTo("42.42");
        assertThat(report.body().at("/days/0/net").decimalValue()).isEqualByComparingTo("2.12");
        assertThat(report.body().at("/days/0/unique_orders").asLong()).isEqualTo(2);
        assertThat(report.body().at("/days/0/currency").asString()).isEqualTo("GBP");
    }

    @Test
    void neverCountsAReplayedOrderTwice() {
        LocalDate day = freshDay();
        List<CommerceEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OrderPlaced order = OrderMother.order(
                    day.atTime(8, i).toInstant(ZoneOffset.UTC), "1.99x" + (i + 1), "0.85x12", "4.1234x3");
            events.add(order);
            if (i % 5 == 0) {
                events.add(OrderMother.cancellationOf(order, day.atTime(18, i).toInstant(ZoneOffset.UTC)));
            }
        }
        commerce.publishAll(events);
        // the orders spread over the topic's partitions: wait for every one, not just the last sent
        events.forEach(this::awaitRecorded);
        Response first = reconciliation(day);

        commerce.publishAll(events);
        // the claim is the first guard; with it gone, the ledger's unique source event id must still hold
        String ids = String.join(
                ",", events.stream().map(e -> "'" + e.eventId() + "'").toList());
        jdbc.update("DELETE FROM processed_messages WHERE message_id IN (" + ids + ")");
        commerce.publishAll(events);
        // the third delivery re-claims every event; per-partition order means the second came before it
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_messages WHERE message_id IN (" + ids + ")", Long.class)
                        == events.size());

        Response replayed = reconciliation(day);
        assertThat(first.body().at("/days/0/transaction_count").asLong()).isEqualTo(24);
        assertThat(replayed.body()).isEqualTo(first.body());
    }

    @Test
    void recordsAnAgentsExpenseOnceEvenWhenTheCallIsRetried() {
        Map<String, Object> expense = expense();
        expense.put("source_event_id", UUID.randomUUID().toString());
        // finer than the ledger keeps: the retry is still the same request
        expense.put(
                "occurred_at",
                Instant.now()
                        .truncatedTo(ChronoUnit.SECONDS)
                        .minusSeconds(3600)
                        .plusNanos(123_456_789)
                        .toString());
        Map<String, Object> sameWrittenOtherwise = new LinkedHashMap<>(expense);
        sameWrittenOtherwise.put("amount", "125.4");
        sameWrittenOtherwise.put("metadata", Map.of("campaign", "spring-prints", "clicks", 12.0));
        expense.put("metadata", Map.of("clicks", 12, "campaign", "spring-prints"));

        Response created = api.post("/api/v1/financial/transactions", expense);
        Response retried = api.post("/api/v1/financial/transactions", expense);
        Response retriedWrittenOtherwise = api.post("/api/v1/financial/transactions", sameWrittenOtherwise);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/type")).isEqualTo("expense");
        assertThat(created.body().at("/amount").decimalValue()).isEqualByComparingTo("125.40");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("/id")).isEqualTo(created.text("/id"));
        assertThat(retriedWrittenOtherwise.status())
                .as(String.valueOf(retriedWrittenOtherwise.body()))
                .isEqualTo(200);
        assertThat(retriedWrittenOtherwise.text("/id")).isEqualTo(created.text("/id"));
    }

    @Test
    void refusesASourceEventIdReusedForAnotherTransactionRatherThanAnsweringTheFirst() {
        Map<String, Object> expense = expense();
        String sourceEventId = UUID.randomUUID().toString();
        expense.put("source_event_id", sourceEventId);
        Map<String, Object> otherAmount = new LinkedHashMap<>(expense);
        otherAmount.put("amount", "99.99");
        Map<String, Object> otherCampaign = new LinkedHashMap<>(expense);
        otherCampaign.put("metadata", Map.of("campaign", "summer-prints"));

        Response created = api.post("/api/v1/financial/transactions", expense);
        Response withOtherAmount = api.post("/api/v1/financial/transactions", otherAmount);
        Response withOtherCampaign = api.post("/api/v1/financial/transactions", otherCampaign);

        assertThat(created.status()).isEqualTo(201);
        assertThat(withOtherAmount.status()).isEqualTo(422);
        assertThat(withOtherAmount.errorFields()).containsExactly("source_event_id");
        assertThat(withOtherCampaign.status()).isEqualTo(422);
        assertThat(withOtherCampaign.errorFields()).containsExactly("source_event_id");
        assertThat(jdbc.queryForList(
                        "SELECT amount FROM financial_transactions WHERE source_event_id = ?::uuid",
                        BigDecimal.class,
                        sourceEventId))
                .singleElement()
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("125.40"));
    }

    @Test
    void rejectsInvalidTransactionsNamingTheFields() {
        Map<String, Object> tooSmall = expense();
        tooSmall.put("amount", "0.00");
        tooSmall.remove("department");
        Map<String, Object> tooPrecise = expense();
        tooPrecise.put("amount", "1000000.01");
        Map<String, Object> revenue = expense();
        revenue.put("type", "revenue");
        revenue.put("currency", "XYZ");

        Response smallResponse = api.post("/api/v1/financial/transactions", tooSmall);
        Response largeResponse = api.post("/api/v1/financial/transactions", tooPrecise);
        Response revenueResponse = api.post("/api/v1/financial/transactions", revenue);
        Response unknownType = api.post("/api/v1/financial/transactions", "{\"type\":\"gift\",\"amount\":1}");

        assertThat(smallResponse.status()).isEqualTo(400);
        assertThat(smallResponse.errorFields()).containsExactlyInAnyOrder("amount", "department");
        assertThat(largeResponse.status()).isEqualTo(400);
        assertThat(largeResponse.errorFields()).containsExactly("amount");
        assertThat(revenueResponse.status()).isEqualTo(422);
        assertThat(revenueResponse.errorFields()).containsExactlyInAnyOrder("type", "currency");
        assertThat(unknownType.status()).isEqualTo(400);
    }

    @Test
    void listsTransactionsOfADayAndTypePageByPage() {
        LocalDate day = freshDay();
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(OrderMother.order(day.atTime(10, i).toInstant(ZoneOffset.UTC)));
        }
        var cancellation =
                OrderMother.cancellationOf(orders.getFirst(), day.atTime(12, 0).toInstant(ZoneOffset.UTC));
        commerce.publishAll(orders);
        commerce.publish(cancellation);
        // the orders are keyed by order, so they may sit on other partitions, behind the cancellation
        orders.forEach(this::awaitRecorded);
        awaitRecorded(cancellation);

        String query = "/api/v1/financial/transactions?date_from=" + day + "&date_to=" + day + "&type=revenue&limit=2";
        Response firstPage = api.get(query + "&page=1");
        Response lastPage = api.get(query + "&page=3");

        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.body().at("/pagination/total").asLong()).isEqualTo(5);
        assertThat(firstPage.body().at("/pagination/total_pages").asLong()).isEqualTo(3);
        assertThat(firstPage.body().at("/items").size()).isEqualTo(2);
        assertThat(firstPage.text("/items/0/order_id"))
                .isEqualTo(orders.getFirst().orderId().toString());
        assertThat(lastPage.body().at("/items").size()).isEqualTo(1);
        assertThat(lastPage.text("/items/0/type")).isEqualTo("revenue");
        assertThat(api.get("/api/v1/financial/transactions?type=gift").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/financial/transactions?date_from=yesterday").status())
                .isEqualTo(400);
    }

    private Response reconciliation(LocalDate day) {
        Response response = api.get("/api/v1/financial/reconciliation/daily?date_from=" + day + "&date_to=" + day);
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    static Map<String, Object> expense() {
        Map<String, Object> expense = new LinkedHashMap<>();
        expense.put("type", "expense");
        expense.put("amount", "125.40");
        expense.put("currency", "GBP");
        expense.put("department", "marketing");
        expense.put("attributed_agent", "ad");
        expense.put("description", "Google Ads spend, campaign spring-prints");
        expense.put("metadata", Map.of("campaign", "spring-prints"));
        return expense;
    }
}
