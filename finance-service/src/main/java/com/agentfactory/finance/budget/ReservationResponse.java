package com.agentfactory.finance.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reservation or a recorded expense, with what its budget has left.
 *
 * @param unbudgeted spend recorded without a reservation ({@code POST .../expenses})
 * @param budgetOverspentAmount what the budget has spent beyond its allocation, or zero
 * @param expiresAt when the hold ends if it is still reserved then; null when it is held until committed or released
 */
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
        boolean unbudgeted,
        ReservationStatus status,
        UUID transactionId,
        BigDecimal budgetAvailableAmount,
        BigDecimal budgetOverspentAmount,
        Instant createdAt,
        Instant resolvedAt,
        Instant expiresAt) {

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
                r.unbudgeted(),
                r.status(),
                r.transactionId(),
                b.available(),
                b.overspent(),
                r.createdAt(),
                r.resolvedAt(),
                r.expiresAt());
    }
}
