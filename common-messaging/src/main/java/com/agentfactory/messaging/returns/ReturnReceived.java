package com.agentfactory.messaging.returns;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The goods of an authorised return arrived: the refund it owes is now due. Published on {@code support.returns}
 * (action {@value #ACTION}), keyed by order, through the support agent's outbox in the transaction that marks the
 * return received, which happens once per return; finance books the refund to the order in the ledger, once per
 * {@code event_id}.
 *
 * @param refundAmount what the return refunds, in the order's {@code currency}: the returned lines at the prices paid
 */
public record ReturnReceived(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("return_id") UUID returnId,
        @JsonProperty("order_id") UUID orderId,
        @JsonProperty("order_number") String orderNumber,
        @JsonProperty("customer_id") UUID customerId,
        @JsonProperty("refund_amount") BigDecimal refundAmount,
        @JsonProperty("currency") String currency,
        @JsonProperty("received_by") String receivedBy,
        @JsonProperty("lines") List<Line> lines) {

    /** The envelope action these events travel under. */
    public static final String ACTION = "return_received";

    public ReturnReceived {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(returnId, "return_id");
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(refundAmount, "refund_amount");
        Objects.requireNonNull(currency, "currency");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One product line that came back and what it refunds. */
    public record Line(
            @JsonProperty("sku") String sku,
            @JsonProperty("quantity") int quantity,
            @JsonProperty("refund") BigDecimal refund) {}

    /** Partitioned by order, so the events of one order's returns stay in order. */
    public String partitionKey() {
        return orderId.toString();
    }
}
