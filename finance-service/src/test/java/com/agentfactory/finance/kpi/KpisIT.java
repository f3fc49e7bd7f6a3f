package com.agentfactory.finance.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.testing.Api.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KpisIT extends FinanceIntegrationTest {

    @Test
    void computesRevenueOrdersAverageOrderValueAndRefundRateFromTheLedger() {
        LocalDate day = freshDay();
        UUID regular = UUID.randomUUID();
        var first = OrderMother.orderBy(regular, day.atTime(9, 0).toInstant(ZoneOffset.UTC), "10.00x1");
        var second = OrderMother.orderBy(regular, day.atTime(10, 0).toInstant(ZoneOffset.UTC), "20.00x1");
        var other = OrderMother.orderBy(UUID.randomUUID(), day.atTime(11, 0).toInstant(ZoneOffset.UTC), "3.33x1");
        var cancellation = OrderMother.cancellationOf(first, day.atTime(12, 0).toInstant(ZoneOffset.UTC));
        List<CommerceEvent> events = List.of(first, second, other, cancellation);
        commerce.publishAll(events);
        Response expense = api.post(
                "/api/v1/financial/transactions",
                Map.of(
                        "type", "expense",
                        "amount", "5.00",
                        "currency", "GBP",
                        "department", "marketing",
                        "occurred_at",
                                day.atTime(13, 0).toInstant(ZoneOffset.UTC).toString()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM financial_transactions WHERE source_event_id IN (?, ?, ?, ?)",
                                Long.class,
                                first.eventId(),
                                second.eventId(),
                                other.eventId(),
                                cancellation.eventId())
                        == 4);

        Response kpis = api.get("/api/v1/financial/kpis?date_from=" + day + "&date_to=" + day);

        assertThat(expense.status()).isEqualTo(201);
        assertThat(kpis.status()).isEqualTo(200);
        assertThat(kpis.body().at("/currencies").size()).isEqualTo(1);
        var gbp = kpis.body().at("/currencies/0");
        assertThat(gbp.path("revenue").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(gbp.path("refunds").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(gbp.path("net_revenue").decimalValue()).isEqualByComparingTo("23.33");
        assertThat(gbp.path("expenses").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(gbp.path("orders").asLong()).isEqualTo(3);
        assertThat(gbp.path("customers").asLong()).isEqualTo(2);
        assertThat(gbp.path("average_order_value").decimalValue()).isEqualByComparingTo("11.11");
        assertThat(gbp.path("net_revenue_per_customer").decimalValue()).isEqualByComparingTo("11.66");
        assertThat(gbp.path("refund_rate").decimalValue()).isEqualByComparingTo("0.3000");
        assertThat(api.get("/api/v1/financial/kpis?date_from=" + day + "&date_to=" + day.minusDays(1))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void anOrderWhoseGoodsAddedLaterAreBookedUnderAnotherIdCountsAsOneOrderInTheAverageOrderValue() {
        LocalDate day = freshDay();
        UUID customer = UUID.randomUUID();
        var order = OrderMother.orderNumbered(
                "kpi-" + UUID.randomUUID(), customer, day.atTime(9, 0).toInstant(ZoneOffset.UTC), "10.00x1");
        // the back office books the added item under an id of its own and the order's number, in its own case
        var added = OrderMother.addedUnderAnotherId(order, day.atTime(10, 0).toInstant(ZoneOffset.UTC), "5.00x1");
        var addedInUpperCase = new OrderPlaced(
                added.eventId(),
                added.occurredAt(),
                added.orderId(),
                order.orderNumber().toUpperCase(Locale.ROOT),
                added.customerId(),
                added.country(),
                added.currency(),
                added.lines());
        var other = OrderMother.orderBy(UUID.randomUUID(), day.atTime(11, 0).toInstant(ZoneOffset.UTC), "15.00x1");
        commerce.publishAll(List.of(order, addedInUpperCase, other));
        awaitRecorded(order);
        awaitRecorded(addedInUpperCase);
        awaitRecorded(other);

        Response kpis = api.get("/api/v1/financial/kpis?date_from=" + day + "&date_to=" + day);

        assertThat(kpis.status()).isEqualTo(200);
        var gbp = kpis.body().at("/currencies/0");
        assertThat(gbp.path("revenue").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(gbp.path("orders").asLong()).isEqualTo(2);
        assertThat(gbp.path("average_order_value").decimalValue()).isEqualByComparingTo("15.00");
    }
}
