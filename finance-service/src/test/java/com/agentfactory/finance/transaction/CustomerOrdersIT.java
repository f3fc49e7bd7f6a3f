package com.agentfactory.finance.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerOrdersIT extends FinanceIntegrationTest {

    @Test
    void showsACustomerTheirOrdersNewestFirstWithWhatWasRefunded() {
        UUID customer = UUID.randomUUID();
        Instant morning = freshDay().atTime(9, 0).toInstant(ZoneOffset.UTC);
        OrderPlaced first = OrderMother.orderBy(customer, morning, "2.55x6", "3.39x8");
        OrderPlaced second = OrderMother.orderBy(customer, morning.plusSeconds(3600), "10.00x1");
        OrderCancelled cancelled = OrderMother.cancellationOf(first, morning.plusSeconds(7200));
        OrderPlaced someoneElses = OrderMother.orderBy(UUID.randomUUID(), morning, "5.00x1");
        List<CommerceEvent> events = List.of(first, second, cancelled, someoneElses);
        commerce.publishAll(events);
        events.forEach(this::awaitRecorded);

        Response orders = api.withToken(TestTokens.customer(customer)).get(ordersOf(customer));

        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.body().at("/pagination/total").asLong()).isEqualTo(2);
        assertThat(orders.body().at("/items/0/order_id").asString())
                .isEqualTo(second.orderId().toString());
        assertThat(orders.body().at("/items/0/total").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(orders.body().at("/items/0/status").asString()).isEqualTo("placed");
        assertThat(orders.body().at("/items/1/order_number").asString()).isEqualTo(first.orderNumber());
        assertThat(orders.body().at("/items/1/total").decimalValue()).isEqualByComparingTo("42.42");
        assertThat(orders.body().at("/items/1/refunded").decimalValue()).isEqualByComparingTo("42.42");
        assertThat(orders.body().at("/items/1/status").asString()).isEqualTo("refunded");
        assertThat(orders.body().at("/items/1/currency").asString()).isEqualTo("GBP");
    }

    @Test
    void goodsAddedToAnOrderUnderAnotherIdAreShownAsPartOfTheOrderWithTheirRefunds() {
        UUID customer = UUID.randomUUID();
        Instant morning = freshDay().atTime(9, 0).toInstant(ZoneOffset.UTC);
        OrderPlaced order = OrderMother.orderNumbered("web-" + UUID.randomUUID(), customer, morning, "10.00x1");
        // the back office books the added item under an id of its own and the order's number, in its own case
        OrderPlaced added = OrderMother.numberInUpperCase(
                OrderMother.addedUnderAnotherId(order, morning.plusSeconds(3600), "5.00x1"));
        // the added item is cancelled by the id it was booked under, without the order's number
        OrderCancelled addedCancelled =
                OrderMother.cancellationNamingOnlyTheOrderId(added, morning.plusSeconds(5400), 0);
        OrderPlaced later = OrderMother.orderBy(customer, morning.plusSeconds(7200), "20.00x1");
        List<CommerceEvent> events = List.of(order, added, addedCancelled, later);
        commerce.publishAll(events);
        events.forEach(this::awaitRecorded);

        Response orders = api.withToken(TestTokens.customer(customer)).get(ordersOf(customer));

        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.body().at("/pagination/total").asLong()).isEqualTo(2);
        assertThat(orders.body().at("/items").size()).isEqualTo(2);
        assertThat(orders.body().at("/items/0/order_id").asString())
                .isEqualTo(later.orderId().toString());
        var first = orders.body().at("/items/1");
        assertThat(first.path("order_id").asString()).isEqualTo(order.orderId().toString());
        assertThat(first.path("order_number").asString()).isEqualTo(order.orderNumber());
        assertThat(Instant.parse(first.path("placed_at").asString())).isEqualTo(morning);
        assertThat(first.path("total").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(first.path("refunded").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(first.path("status").asString()).isEqualTo("partly_refunded");
    }

    @Test
    void pagesThroughALongHistory() {
        UUID customer = UUID.randomUUID();
        Instant morning = freshDay().atTime(9, 0).toInstant(ZoneOffset.UTC);
        List<OrderPlaced> placed = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> OrderMother.orderBy(customer, morning.plusSeconds(60L * i), "1.00x" + (i + 1)))
                .toList();
        commerce.publishAll(placed);
        placed.forEach(this::awaitRecorded);

        Response page = api.get(ordersOf(customer) + "?page=2&limit=2");

        assertThat(page.body().at("/pagination/total_pages").asLong()).isEqualTo(3);
        assertThat(page.body().at("/items").size()).isEqualTo(2);
        assertThat(page.body().at("/items/0/order_id").asString())
                .isEqualTo(placed.get(2).orderId().toString());
    }

    @Test
    void refusesACustomerAnotherCustomersOrders() {
        Response refused = api.withToken(TestTokens.customer(UUID.randomUUID())).get(ordersOf(UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(403);
    }

    private static String ordersOf(UUID customer) {
        return "/api/v1/customers/" + customer + "/orders";
    }
}
