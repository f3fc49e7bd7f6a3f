package com.agentfactory.finance.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One ledger row. {@code sourceEventId} is the commerce event (or caller key) it came from, if any. */
public record FinancialTransaction(
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
        Instant createdAt) {}
