package com.agentfactory.finance.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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
                t.sourceEventId(),
                t.occurredAt(),
                t.createdAt());
    }
}
