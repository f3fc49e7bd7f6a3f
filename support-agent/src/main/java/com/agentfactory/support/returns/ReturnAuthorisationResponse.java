package com.agentfactory.support.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A return authorisation as the API and the task output show it; money in the order's currency; {@code receivedAt}
 * and {@code receivedBy} once the goods arrived.
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
        List<Line> lines) {

    public record Line(String sku, UUID productId, int quantity, BigDecimal unitPrice, BigDecimal refund) {}

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
                authorisation.lines().stream()
                        .map(line -> new Line(
                                line.sku(), line.productId(), line.quantity(), line.unitPrice(), line.refund()))
                        .toList());
    }
}
