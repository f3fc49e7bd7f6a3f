package com.agentfactory.support.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A return the store agreed to take back; {@code refundAmount} is owed once the goods arrive, which marks it
 * {@link #RECEIVED} ({@code receivedAt} and {@code receivedBy} are null until then).
 */
public record ReturnAuthorisation(
        UUID returnId,
        UUID orderId,
        String orderNumber,
        UUID customerId,
        UUID ticketId,
        String status,
        BigDecimal refundAmount,
        String currency,
        String reason,
        Instant createdAt,
        Instant receivedAt,
        String receivedBy,
        List<ReturnLine> lines) {

    public static final String AUTHORISED = "AUTHORISED";
    public static final String RECEIVED = "RECEIVED";

    public ReturnAuthorisation {
        lines = List.copyOf(lines);
    }

    /** This return as received at {@code at} by {@code by}. */
    ReturnAuthorisation received(Instant at, String by) {
        return new ReturnAuthorisation(
                returnId,
                orderId,
                orderNumber,
                customerId,
                ticketId,
                RECEIVED,
                refundAmount,
                currency,
                reason,
                createdAt,
                at,
                by,
                lines);
    }

    /** One product line coming back and what it refunds. */
    public record ReturnLine(
            int lineNo, UUID productId, String sku, int quantity, BigDecimal unitPrice, BigDecimal refund) {}
}
