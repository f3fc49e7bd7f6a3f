package com.agentfactory.inventory.support;

import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.Money;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.commerce.ProductViewed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Storefront events shaped like the Online Retail data: GBP prices, one SKU per line. */
public final class CommerceEventMother {

    private CommerceEventMother() {}

    /** A SKU no other test uses, so each test sees only its own stock. */
    public static String freshSku() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** The storefront's product of the SKU: one per SKU, so behaviour events can be made from the SKU alone. */
    public static UUID productOf(String sku) {
        return UUID.nameUUIDFromBytes(("product " + sku).getBytes(StandardCharsets.UTF_8));
    }

    public static ProductUpserted product(String sku, Integer stockQuantity) {
        return new ProductUpserted(
                UUID.randomUUID(),
                Instant.now(),
                productOf(sku),
                sku,
                "WHITE HANGING HEART T-LIGHT HOLDER",
                null,
                "home",
                new Money(new BigDecimal("2.55"), "GBP"),
                stockQuantity,
                null);
    }

    public static OrderPlaced order(String sku, int quantity) {
        return orderBy(UUID.randomUUID(), sku, quantity);
    }

    public static OrderPlaced orderBy(UUID customerId, String sku, int quantity) {
        return numberedOrderBy(customerId, "5" + ThreadLocalRandom.current().nextInt(100_000, 900_000), sku, quantity);
    }

    /** A guest's order: no customer, as the storefront sends once the customer who checked out was erased. */
    public static OrderPlaced guestOrder(String sku, int quantity) {
        return orderBy(null, sku, quantity);
    }

    /** A guest's credit note naming no order. */
    public static OrderCancelled cancellation(String sku, int quantity) {
        return unnamedCancellationBy(null, sku, quantity);
    }

    /** A cancellation naming the order, taking back the units of its first line's SKU, from its customer. */
    public static OrderCancelled cancellationOf(OrderPlaced order, int quantity) {
        return cancellationOfNumber(
                order.orderNumber(),
                order.customerId(),
                order.lines().getFirst().sku(),
                quantity);
    }

    /** A cancellation naming an order by number, which may be one never placed. */
    public static OrderCancelled cancellationOfNumber(String orderNumber, UUID customerId, String sku, int quantity) {
        return numberedCancellation(
                "C" + orderNumber + "-" + ThreadLocalRandom.current().nextInt(1_000, 10_000),
                orderNumber,
                customerId,
                sku,
                quantity);
    }

    /** A cancellation naming an order by number, from a customer of no other event. */
    public static OrderCancelled cancellationOfNumber(String orderNumber, String sku, int quantity) {
        return cancellationOfNumber(orderNumber, UUID.randomUUID(), sku, quantity);
    }

    /** The same cancellation, as if it had occurred at {@code at}. */
    public static OrderCancelled occurredAt(OrderCancelled cancellation, Instant at) {
        return copyOf(cancellation, cancellation.eventId(), at, cancellation.lines());
    }

    /** The same cancellation sent again by the storefront: another event, the same cancellation number. */
    public static OrderCancelled sentAgain(OrderCancelled cancellation) {
        return sentAgain(cancellation, cancellation.lines().getFirst().quantity());
    }

    /** The same cancellation sent again under another event, now asking {@code quantity} of its first line's SKU. */
    public static OrderCancelled sentAgain(OrderCancelled cancellation, int quantity) {
        return copyOf(
                cancellation,
                UUID.randomUUID(),
                cancellation.occurredAt(),
                List.of(line(cancellation.lines().getFirst().sku(), quantity)));
    }

    private static OrderCancelled copyOf(OrderCancelled cancellation, UUID eventId, Instant at, List<OrderLine> lines) {
        return new OrderCancelled(
                eventId,
                at,
                cancellation.orderId(),
                cancellation.cancellationNumber(),
                cancellation.originalOrderNumber(),
                cancellation.customerId(),
                cancellation.refunded(),
                cancellation.reason(),
                cancellation.currency(),
                lines);
    }

    /** The same order, as if it had been placed at {@code at}. */
    public static OrderPlaced placedAt(OrderPlaced order, Instant at) {
        return new OrderPlaced(
                order.eventId(),
                at,
                order.orderId(),
                order.orderNumber(),
                order.customerId(),
                order.country(),
                order.currency(),
                order.lines());
    }

    /** A credit note of the customer's naming no order, as the Online Retail data's are. */
    public static OrderCancelled unnamedCancellationBy(UUID customerId, String sku, int quantity) {
        return numberedCancellation(
                // wider than the data set's six digits: a number seen twice is taken for a credit note sent again
                "C5" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 900_000_000_000L),
                null,
                customerId,
                sku,
                quantity);
    }

    private static OrderCancelled numberedCancellation(
            String cancellationNumber, String orderNumber, UUID customerId, String sku, int quantity) {
        return new OrderCancelled(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                cancellationNumber,
                orderNumber,
                customerId,
                true,
                "customer changed their mind",
                "GBP",
                List.of(line(sku, quantity)));
    }

    /** An order of the credit note's customer and first line's SKU, placed a minute before the credit note. */
    public static OrderPlaced customersOrderBefore(OrderCancelled creditNote, int quantity) {
        return customersOrderAt(creditNote, quantity, creditNote.occurredAt().minusSeconds(60));
    }

    /** An order of the credit note's customer and first line's SKU, placed a minute after the credit note. */
    public static OrderPlaced customersOrderAfter(OrderCancelled creditNote, int quantity) {
        return customersOrderAt(creditNote, quantity, creditNote.occurredAt().plusSeconds(60));
    }

    private static OrderPlaced customersOrderAt(OrderCancelled creditNote, int quantity, Instant at) {
        return placedAt(
                orderBy(creditNote.customerId(), creditNote.lines().getFirst().sku(), quantity), at);
    }

    /** An order of the given number, as the storefront may announce after a cancellation of it. */
    public static OrderPlaced orderNumbered(String orderNumber, String sku, int quantity) {
        return numberedOrderBy(UUID.randomUUID(), orderNumber, sku, quantity);
    }

    private static OrderPlaced numberedOrderBy(UUID customerId, String orderNumber, String sku, int quantity) {
        return new OrderPlaced(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                orderNumber,
                customerId,
                "United Kingdom",
                "GBP",
                List.of(line(sku, quantity)));
    }

    public static String freshOrderNumber() {
        return "5" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    public static ProductViewed viewed(String sku, Instant at) {
        return new ProductViewed(UUID.randomUUID(), at, null, "session-" + UUID.randomUUID(), productOf(sku));
    }

    public static AddedToCart addedToCart(String sku, int quantity, Instant at) {
        return new AddedToCart(
                UUID.randomUUID(),
                at,
                null,
                "session-" + UUID.randomUUID(),
                productOf(sku),
                quantity,
                new Money(new BigDecimal("2.55"), "GBP"));
    }

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(UUID.randomUUID(), sku, quantity, new BigDecimal("2.55"));
    }
}
