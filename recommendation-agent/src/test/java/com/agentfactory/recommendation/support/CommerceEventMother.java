package com.agentfactory.recommendation.support;

import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.commerce.Money;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.commerce.ProductViewed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Commerce events as the storefront sends them; every call makes fresh ids so tests never collide. */
public final class CommerceEventMother {

    private CommerceEventMother() {}

    /** A unique category name, so a test sees only its own products when it filters by category. */
    public static String freshCategory(String name) {
        return name + "-" + UUID.randomUUID();
    }

    public static ProductUpserted product(String name, String category, String price) {
        return product(UUID.randomUUID(), name, category, price, 10);
    }

    public static ProductUpserted product(UUID productId, String name, String category, String price, Integer stock) {
        return product(productId, name, category, price, stock, null);
    }

    public static ProductUpserted product(
            UUID productId, String name, String category, String price, Integer stock, String unitCost) {
        return new ProductUpserted(
                UUID.randomUUID(),
                Instant.now(),
                productId,
                "SKU-" + productId.toString().substring(0, 8),
                name,
                "A fine " + name.toLowerCase(java.util.Locale.ROOT),
                category,
                new Money(new BigDecimal(price), "EUR"),
                stock,
                unitCost == null ? null : new Money(new BigDecimal(unitCost), "EUR"));
    }

    /** The feed's next version of the product, renamed, as a later upsert of it. */
    public static ProductUpserted renamed(ProductUpserted product, String name) {
        return new ProductUpserted(
                UUID.randomUUID(),
                product.occurredAt().plusSeconds(1),
                product.productId(),
                product.sku(),
                name,
                product.description(),
                product.category(),
                product.price(),
                product.stockQuantity(),
                product.unitCost());
    }

    /** The feed's next version of the product at another price, as a later upsert of it. */
    public static ProductUpserted repriced(ProductUpserted product, String price) {
        return new ProductUpserted(
                UUID.randomUUID(),
                product.occurredAt().plusSeconds(1),
                product.productId(),
                product.sku(),
                product.name(),
                product.description(),
                product.category(),
                new Money(new BigDecimal(price), product.price().currency()),
                product.stockQuantity(),
                product.unitCost());
    }

    /** The feed's next version of the product with another stock and description, as a later upsert of it. */
    public static ProductUpserted restocked(ProductUpserted product, int stock) {
        return new ProductUpserted(
                UUID.randomUUID(),
                product.occurredAt().plusSeconds(1),
                product.productId(),
                product.sku(),
                product.name(),
                product.description() + ", back in stock",
                product.category(),
                product.price(),
                stock,
                product.unitCost());
    }

    public static CustomerUpserted customer(UUID customerId, String country) {
        return new CustomerUpserted(
                UUID.randomUUID(),
                Instant.now(),
                customerId,
                "C-" + customerId.toString().substring(0, 8),
                null,
                country);
    }

    public static ProductViewed viewed(UUID customerId, UUID productId) {
        return new ProductViewed(UUID.randomUUID(), Instant.now(), customerId, "session-" + customerId, productId);
    }

    public static AddedToCart addedToCart(UUID customerId, UUID productId) {
        return new AddedToCart(
                UUID.randomUUID(),
                Instant.now(),
                customerId,
                "session-" + customerId,
                productId,
                1,
                new Money(new BigDecimal("10.00"), "EUR"));
    }

    public static OrderPlaced order(UUID customerId, UUID... productIds) {
        return order(Instant.now(), customerId, productIds);
    }

    public static OrderPlaced order(Instant placedAt, UUID customerId, UUID... productIds) {
        return new OrderPlaced(
                UUID.randomUUID(),
                placedAt,
                UUID.randomUUID(),
                "ORD-" + UUID.randomUUID().toString().substring(0, 8),
                customerId,
                "NL",
                "EUR",
                Arrays.stream(productIds)
                        .map(id ->
                                new OrderLine(id, "SKU-" + id.toString().substring(0, 8), 1, new BigDecimal("10.00")))
                        .toList());
    }

    /** The cancellation of the whole order, naming it as the storefront does. */
    public static OrderCancelled cancelled(OrderPlaced order) {
        return cancelled(order, order.orderNumber());
    }

    /** The cancellation of the whole order, naming it by {@code originalOrderNumber} as a back office wrote it. */
    public static OrderCancelled cancelled(OrderPlaced order, String originalOrderNumber) {
        return new OrderCancelled(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                "C" + order.orderNumber(),
                originalOrderNumber,
                order.customerId(),
                true,
                "changed my mind",
                order.currency(),
                order.lines());
    }

    /** The cancellation of the order's lines of one product, naming the order as the storefront does. */
    public static OrderCancelled cancelledLine(OrderPlaced order, UUID productId) {
        return new OrderCancelled(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                "C" + order.orderNumber() + "-" + productId.toString().substring(0, 4),
                order.orderNumber(),
                order.customerId(),
                true,
                "arrived damaged",
                order.currency(),
                order.lines().stream()
                        .filter(line -> line.productId().equals(productId))
                        .toList());
    }

    /** The cancellation of {@code quantity} of the product from the order, on one line whatever lines it came on. */
    public static OrderCancelled cancelledQuantity(OrderPlaced order, UUID productId, int quantity) {
        return new OrderCancelled(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                "C" + order.orderNumber() + "-" + productId.toString().substring(0, 4) + "x" + quantity,
                order.orderNumber(),
                order.customerId(),
                true,
                "ordered too many",
                order.currency(),
                List.of(new OrderLine(
                        productId, "SKU-" + productId.toString().substring(0, 8), quantity, new BigDecimal("10.00"))));
    }

    public static CartAbandoned abandonedCart(UUID customerId, UUID... productIds) {
        return abandonedCart(Instant.now(), customerId, productIds);
    }

    public static CartAbandoned abandonedCart(Instant abandonedAt, UUID customerId, UUID... productIds) {
        return new CartAbandoned(
                UUID.randomUUID(),
                abandonedAt,
                customerId,
                "session-" + customerId,
                "EUR",
                Arrays.stream(productIds)
                        .map(id ->
                                new OrderLine(id, "SKU-" + id.toString().substring(0, 8), 1, new BigDecimal("10.00")))
                        .toList());
    }
}
