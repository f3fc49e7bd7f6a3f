package com.agentfactory.finance.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

record ReservationResponse(
        UUID id,
        UUID budgetId,
        String department,
        String fiscalPeriod,
        BigDecimal amount,
        String currency,
        String purpose,
        String requestedBy,
        LocalDate spentOn,
        ReservationStatus status,
        UUID transactionId,
        BigDecimal budgetAvailableAmount,
        Instant createdAt,
        Instant resolvedAt) {

    static ReservationResponse of(Reservation r, Budget b) {
        return new ReservationResponse(
                r.id(),
                r.budgetId(),
                b.department(),
                b.fiscalPeriod(),
                r.amount(),
                r.currency(),
                r.purpose(),
                r.requestedBy(),
                r.spentOn(),
                r.status(),
                r.transactionId(),
                b.available(),
                r.createdAt(),
                r.resolvedAt());
    }
}
