package com.agentfactory.finance.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

record Reservation(
        UUID id,
        UUID budgetId,
        BigDecimal amount,
        String currency,
        String purpose,
        String requestedBy,
        ReservationStatus status,
        UUID transactionId,
        Instant createdAt,
        Instant resolvedAt) {}
