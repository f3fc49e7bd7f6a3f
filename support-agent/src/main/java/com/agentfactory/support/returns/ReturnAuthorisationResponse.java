package com.agentfactory.support.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A return authorisation as the API and the task output show it; money in the order's currency. {@code refundAmount}
 * is what the return refunds should all of it arrive; once the goods arrived, {@code receivedAt}, {@code receivedBy}
 * and {@code refundedAmount}, what the receipt refunded (no more than what arrived and cancellations since the
 * authorisation had not refunded already), and per line how many arrived and were refunded.
 */
public record ReturnAuthorisationResponse(
        UUID returnId,
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
        List<Line> lines) {

    /** One line; how many arrived, how many were refunded and for how much are null until the goods arrived. */
    public record Line(
            String sku,
            UUID productId,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal refund,
            Integer receivedQuantity,
            Integer refundedQuantity,
            BigDecimal refunded) {}

    public static ReturnAuthorisationResponse of(ReturnAuthorisation authorisation) {
        return new ReturnAuthorisationResponse(
                authorisation.returnId(),
                authorisation.orderNumber(),
                authorisation.customerId(),
                authorisation.ticketId(),
                authorisation.status(),
                authorisation.refundAmount(),
                authorisation.currency(),
                authorisation.reason(),
                authorisation.createdAt(),
                authorisation.receivedAt(),
                authorisation.receivedBy(),
                authorisation.refundedAmount(),
                authorisation.lines().stream()
                        .map(line -> new Line(
                                line.sku(),
                                line.productId(),
                                line.quantity(),
                                line.unitPrice(),
                                line.refund(),
                                line.receivedQuantity(),
                                line.refundedQuantity(),
                                line.refunded()))
                        .toList());
    }
}
