package com.agentfactory.support.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A return the store agreed to take back; {@code refundAmount} is owed once the goods arrive. */
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
        List<ReturnLine> lines) {

    public static final String AUTHORISED = "AUTHORISED";

    public ReturnAuthorisation {
        lines = List.copyOf(lines);
    }

    /** One product line coming back and what it refunds. */
    public record ReturnLine(
            int lineNo, UUID productId, String sku, int quantity, BigDecimal unitPrice, BigDecimal refund) {}
}
