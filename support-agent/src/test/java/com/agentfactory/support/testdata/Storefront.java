package com.agentfactory.support.testdata;

import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.testing.CommerceEventPublisher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes orders on commerce.orders the way the storefront intake does: one envelope per event. */
public final class Storefront extends CommerceEventPublisher {

    public Storefront(KafkaTemplate<String, String> kafka, EnvelopeCodec codec) {
        super(kafka, codec);
    }

    public static String freshOrderNumber() {
        return "LH-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /** Two mugs at 14.50 and a lamp at 39.99. */
    public static OrderPlaced twoLineOrder(String orderNumber, UUID customerId) {
        return new OrderPlaced(
                UUID.randomUUID(),
                Instant.parse("2026-11-02T10:15:00Z"),
                UUID.randomUUID(),
                orderNumber,
                customerId,
                "GB",
                "GBP",
                List.of(
                        new OrderLine(UUID.randomUUID(), "MUG-OAT-01", 2, new BigDecimal("14.50")),
                        new OrderLine(UUID.randomUUID(), "LAMP-BRASS-02", 1, new BigDecimal("39.99"))));
    }

    /** A mug at 14.50 on each of two lines, as a basket holds an item added to it twice. */
    public static OrderPlaced mugOnTwoLines(String orderNumber, UUID customerId) {
        OrderLine mug = new OrderLine(UUID.randomUUID(), "MUG-OAT-01", 1, new BigDecimal("14.50"));
        return new OrderPlaced(
                UUID.randomUUID(),
                Instant.parse("2026-11-02T10:15:00Z"),
                UUID.randomUUID(),
                orderNumber,
                customerId,
                "GB",
                "GBP",
                List.of(mug, mug));
    }

    public static OrderPlaced order(String orderNumber, UUID customerId) {
        return order(orderNumber, customerId, Instant.parse("2026-11-02T10:15:00Z"));
    }

    /** Two mugs at 14.50, placed at that moment. */
    public static OrderPlaced order(String orderNumber, UUID customerId, Instant placedAt) {
        return new OrderPlaced(
                UUID.randomUUID(),
                placedAt,
                UUID.randomUUID(),
                orderNumber,
                customerId,
                "GB",
                "GBP",
                List.of(new OrderLine(UUID.randomUUID(), "MUG-OAT-01", 2, new BigDecimal("14.50"))));
    }

    /** The back office cancelling and refunding these lines of the order (all of them when none are named). */
    public static OrderCancelled refundOf(OrderPlaced order, OrderLine... lines) {
        return refundOf(order, Instant.parse("2026-11-05T09:00:00Z"), lines);
    }

    /**
     * A refund of these products to the customer (a guest when null) that names no order, as the Online Retail
     * replay's credit notes are.
     */
    public static OrderCancelled refundNamingNoOrder(UUID customerId, OrderLine... lines) {
        return new OrderCancelled(
                UUID.randomUUID(),
                Instant.parse("2026-11-05T09:00:00Z"),
                UUID.randomUUID(),
                "C" + freshOrderNumber(),
                null,
                customerId,
                true,
                "refunded by the back office",
                "GBP",
                List.of(lines));
    }

    /** The line's product at its price, that many of it. */
    public static OrderLine withQuantity(OrderLine line, int quantity) {
        return new OrderLine(line.productId(), line.sku(), quantity, line.unitPrice());
    }

    /** As {@link #refundOf(OrderPlaced, OrderLine...)}, done by the back office at that moment. */
    public static OrderCancelled refundOf(OrderPlaced order, Instant occurredAt, OrderLine... lines) {
        return new OrderCancelled(
                UUID.randomUUID(),
                occurredAt,
                order.orderId(),
                "C" + order.orderNumber(),
                order.orderNumber(),
                order.customerId(),
                true,
                "refunded by the back office",
                order.currency(),
                lines.length == 0 ? order.lines() : List.of(lines));
    }
}
