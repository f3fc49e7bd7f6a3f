package com.agentfactory.demo.replay;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The storefront events of the batch events API; field names become snake_case on the wire. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(StorefrontEvent.ProductUpserted.class),
    @JsonSubTypes.Type(StorefrontEvent.CustomerUpserted.class),
    @JsonSubTypes.Type(StorefrontEvent.OrderPlaced.class),
    @JsonSubTypes.Type(StorefrontEvent.OrderCancelled.class)
})
public sealed interface StorefrontEvent {

    String CURRENCY = "GBP";

    UUID eventId();

    Instant occurredAt();

    record Money(BigDecimal amount, String currency) {}

    record OrderLine(UUID productId, String sku, int quantity, BigDecimal unitPrice) {}

    @JsonTypeName("product.upserted")
    record ProductUpserted(
            UUID eventId,
            Instant occurredAt,
            UUID productId,
            String sku,
            String name,
            String description,
            String category,
            Money price,
            Integer stockQuantity)
            implements StorefrontEvent {}

    @JsonTypeName("customer.upserted")
    record CustomerUpserted(
            UUID eventId,
            Instant occurredAt,
            UUID customerId,
            String customerNumber,
            String email,
            String country,
            String phone)
            implements StorefrontEvent {}

    @JsonTypeName("order.placed")
    record OrderPlaced(
            UUID eventId,
            Instant occurredAt,
            UUID orderId,
            String orderNumber,
            UUID customerId,
            String country,
            String currency,
            List<OrderLine> lines)
            implements StorefrontEvent {}

    @JsonTypeName("order.cancelled")
    record OrderCancelled(
            UUID eventId,
            Instant occurredAt,
            UUID orderId,
            String cancellationNumber,
            String originalOrderNumber,
            UUID customerId,
            boolean refunded,
            String reason,
            String currency,
            List<OrderLine> lines)
            implements StorefrontEvent {}
}
