package com.agentfactory.finance.support;

import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders shaped like the Online Retail data: GBP, several lines, prices with up to four decimals. */
public final class OrderMother {

    private OrderMother() {}

    public static OrderPlaced order(Instant at, String... unitPricesTimesQuantity) {
        return orderBy(UUID.randomUUID(), at, unitPricesTimesQuantity);
    }

    public static OrderPlaced orderBy(UUID customerId, Instant at, String... unitPricesTimesQuantity) {
        return orderIn("GBP", customerId, at, unitPricesTimesQuantity);
    }

    /** An order paid in another currency than the usual GBP. */
    public static OrderPlaced orderIn(String currency, UUID customerId, Instant at, String... unitPricesTimesQuantity) {
        return new OrderPlaced(
                UUID.randomUUID(),
                at,
                UUID.randomUUID(),
                "5" + (100000 + (int) (Math.random() * 800000)),
                customerId,
                "United Kingdom",
                currency,
                lines(unitPricesTimesQuantity));
    }

    /** An order under a number of the caller's, such as one with letters in it. */
    public static OrderPlaced orderNumbered(
            String orderNumber, UUID customerId, Instant at, String... unitPricesTimesQuantity) {
        OrderPlaced order = orderBy(customerId, at, unitPricesTimesQuantity);
        return new OrderPlaced(
                order.eventId(),
                order.occurredAt(),
                order.orderId(),
                orderNumber,
                order.customerId(),
                order.country(),
                order.currency(),
                order.lines());
    }

    /** The order with only some of its lines, by their place in it: what a cancellation of those lines names. */
    public static OrderPlaced orderWithLines(OrderPlaced order, int... lines) {
        return new OrderPlaced(
                order.eventId(),
                order.occurredAt(),
                order.orderId(),
                order.orderNumber(),
                order.customerId(),
                order.country(),
                order.currency(),
                java.util.Arrays.stream(lines).mapToObj(order.lines()::get).toList());
    }

    /**
     * Goods of the order booked as an order of their own under the order's number and an order id of their own, as
     * a back office books an item added to an order: another revenue of the same order, under another identity.
     */
    public static OrderPlaced addedUnderAnotherId(OrderPlaced order, Instant at, String... unitPricesTimesQuantity) {
        return new OrderPlaced(
                UUID.randomUUID(),
                at,
                UUID.randomUUID(),
                order.orderNumber(),
                order.customerId(),
                order.country(),
                order.currency(),
                lines(unitPricesTimesQuantity));
    }

    /** The same event with the order's number upper-cased, as a back office may write a number it was given. */
    public static OrderPlaced numberInUpperCase(OrderPlaced order) {
        return new OrderPlaced(
                order.eventId(),
                order.occurredAt(),
                order.orderId(),
                order.orderNumber().toUpperCase(java.util.Locale.ROOT),
                order.customerId(),
                order.country(),
                order.currency(),
                order.lines());
    }

    /** A typical two-line order: 6 x 2.55 + 8 x 3.39 = 42.42. */
    public static OrderPlaced order(Instant at) {
        return order(at, "2.55x6", "3.39x8");
    }

    public static OrderCancelled cancellationOf(OrderPlaced order, Instant at) {
        return new OrderCancelled(
                UUID.randomUUID(),
                at,
                order.orderId(),
                "C" + order.orderNumber(),
                order.orderNumber(),
                order.customerId(),
                true,
                "customer changed their mind",
                order.currency(),
                order.lines());
    }

    /** A cancellation of some of the order's lines, by their place in the order. */
    public static OrderCancelled partialCancellationOf(OrderPlaced order, Instant at, int... lines) {
        return new OrderCancelled(
                UUID.randomUUID(),
                at,
                order.orderId(),
                "C" + order.orderNumber(),
                order.orderNumber(),
                order.customerId(),
                true,
                "one item no longer wanted",
                order.currency(),
                java.util.Arrays.stream(lines).mapToObj(order.lines()::get).toList());
    }

    /**
     * A cancellation of some of the order's lines under the order's id that leaves out the original order's number
     * (optional on the event).
     */
    public static OrderCancelled cancellationNamingOnlyTheOrderId(OrderPlaced order, Instant at, int... lines) {
        OrderCancelled cancellation = partialCancellationOf(order, at, lines);
        return new OrderCancelled(
                cancellation.eventId(),
                cancellation.occurredAt(),
                cancellation.orderId(),
                cancellation.cancellationNumber(),
                null,
                cancellation.customerId(),
                cancellation.refunded(),
                cancellation.reason(),
                cancellation.currency(),
                cancellation.lines());
    }

    /**
     * A cancellation the way the storefront's notes come: under an order id of its own, naming the original order
     * by {@code originalOrderNumber} (null when the note does not say).
     */
    public static OrderCancelled cancellationNote(OrderPlaced order, String originalOrderNumber, Instant at) {
        return new OrderCancelled(
                UUID.randomUUID(),
                at,
                UUID.randomUUID(),
                "C" + order.orderNumber(),
                originalOrderNumber,
                order.customerId(),
                true,
                null,
                order.currency(),
                order.lines());
    }

    private static List<OrderLine> lines(String... specs) {
        return java.util.Arrays.stream(specs)
                .map(spec -> {
                    String[] parts = spec.split("x");
                    return new OrderLine(
                            UUID.randomUUID(), "SKU" + parts[0], Integer.parseInt(parts[1]), new BigDecimal(parts[0]));
                })
                .toList();
    }
}
