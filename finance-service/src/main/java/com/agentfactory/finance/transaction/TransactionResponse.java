package com.agentfactory.finance.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A ledger row. {@code offsetsRefund} names the refund an offset takes back from: a refund row with a negative amount,
 * written when the order of a refund booked before it sold less than the refund took back. It is null on every other
 * row, so a refund of its own and an offset are told apart without reading the metadata.
 */
record TransactionResponse(
        UUID id,
        TransactionType type,
        BigDecimal amount,
        String currency,
        UUID orderId,
        String orderNumber,
        UUID customerId,
        String attributedAgent,
        String department,
        String description,
        Map<String, Object> metadata,
        UUID offsetsRefund,
        UUID sourceEventId,
        Instant occurredAt,
        Instant createdAt) {

    static TransactionResponse of(FinancialTransaction t) {
        return new TransactionResponse(
                t.id(),
                t.type(),
                t.amount(),
                t.currency(),
                t.orderId(),
                t.orderNumber(),
                t.customerId(),
                t.attributedAgent(),
                t.department(),
                t.description(),
                t.metadata(),
                offsetsRefund(t),
                t.sourceEventId(),
                t.occurredAt(),
                t.createdAt());
    }

    private static UUID offsetsRefund(FinancialTransaction t) {
        Object offsets = t.metadata() == null ? null : t.metadata().get("offsets_refund");
        return t.type() == TransactionType.REFUND && t.amount().signum() < 0 && offsets != null
                ? UUID.fromString(offsets.toString())
                : null;
    }
}
