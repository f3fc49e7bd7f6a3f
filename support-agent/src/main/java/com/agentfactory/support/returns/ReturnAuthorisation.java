package com.agentfactory.support.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A return the store agreed to take back; {@code refundAmount} is what it would refund were every line to arrive and
 * still be refundable. The goods' arrival marks it {@link #RECEIVED}; {@code receivedAt}, {@code receivedBy} and
 * {@code refundedAmount}, what the receipt refunded, are null until then.
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
        BigDecimal refundedAmount,
        List<ReturnLine> lines) {

    public static final String AUTHORISED = "AUTHORISED";
    public static final String RECEIVED = "RECEIVED";

    public ReturnAuthorisation {
        lines = List.copyOf(lines);
    }

    /** This return as received at {@code at} by {@code by}, with the lines as they arrived and were refunded. */
    ReturnAuthorisation received(Instant at, String by, List<ReturnLine> arrived) {
        BigDecimal refunded = arrived.stream().map(ReturnLine::refunded).reduce(BigDecimal.ZERO, BigDecimal::add);
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
                refunded,
                arrived);
    }

    /**
     * One product line coming back and what it refunds when it all arrives ({@code refund}); once received, how many
     * arrived and how many of those were refunded, which a cancellation since the authorisation may have made fewer
     * (both null until then).
     */
    public record ReturnLine(
            int lineNo,
            UUID productId,
            String sku,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal refund,
            Integer receivedQuantity,
            Integer refundedQuantity) {

        ReturnLine(int lineNo, UUID productId, String sku, int quantity, BigDecimal unitPrice, BigDecimal refund) {
            this(lineNo, productId, sku, quantity, unitPrice, refund, null, null);
        }

        /** What the receipt refunded of this line, null before the receipt. */
        public BigDecimal refunded() {
            return refundedQuantity == null ? null : unitPrice.multiply(BigDecimal.valueOf(refundedQuantity));
        }

        ReturnLine arrived(int received, int refunded) {
            return new ReturnLine(lineNo, productId, sku, quantity, unitPrice, refund, received, refunded);
        }
    }
}
