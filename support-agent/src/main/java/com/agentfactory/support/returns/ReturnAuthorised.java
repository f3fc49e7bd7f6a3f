package com.agentfactory.support.returns;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published on {@code support.returns} (action {@value #ACTION}) when a return is authorised: what comes back from which
 * order and the refund owed for it, in the order's currency. The return id is the event id, so a consumer books
 * each return once.
 */
public record ReturnAuthorised(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("return_id") UUID returnId,
        @JsonProperty("order_id") UUID orderId,
        @JsonProperty("order_number") String orderNumber,
        @JsonProperty("customer_id") UUID customerId,
        @JsonProperty("refund_amount") BigDecimal refundAmount,
        @JsonProperty("currency") String currency,
        @JsonProperty("lines") List<Line> lines) {

    public static final String ACTION = "return_authorised";

    public record Line(
            @JsonProperty("product_id") UUID productId,
            @JsonProperty("sku") String sku,
            @JsonProperty("quantity") int quantity,
            @JsonProperty("unit_price") BigDecimal unitPrice,
            @JsonProperty("refund") BigDecimal refund) {}

    static ReturnAuthorised of(ReturnAuthorisation authorisation) {
        return new ReturnAuthorised(
                authorisation.returnId(),
                authorisation.createdAt(),
                authorisation.returnId(),
                authorisation.orderId(),
                authorisation.orderNumber(),
                authorisation.customerId(),
                authorisation.refundAmount(),
                authorisation.currency(),
                authorisation.lines().stream()
                        .map(line -> new Line(
                                line.productId(), line.sku(), line.quantity(), line.unitPrice(), line.refund()))
                        .toList());
    }

    /** Partitioned by order, so the returns of one order stay in order. */
    String partitionKey() {
        return orderId.toString();
    }
}
