package com.agentfactory.finance.budget;

import com.agentfactory.messaging.identity.Caller;
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
 * @param reservedBy who holds it, as finance names callers (a person's user id, or {@code agent:} and the service
 *     client); null when no holder was recorded. {@code requestedBy} is only what the request said
 * @param mayCommit whether the caller of this request may commit it now: it is still held and they are its holder
 *     (or no holder was recorded), as a commit is decided ({@link Reservation#settleableBy})
 * @param mayRelease whether the caller of this request may release it now: it is still held and they are its holder,
 *     an admin, or no holder was recorded, as a release is decided ({@link Reservation#settleableBy})
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
        Instant expiresAt,
        String reservedBy,
        boolean mayCommit,
        boolean mayRelease) {

    /** The reservation as {@code caller} sees it: what they may do with it is the service's own rule. */
    static ReservationResponse of(Reservation r, Budget b, Caller caller) {
        boolean settleable = r.status() == ReservationStatus.RESERVED && maySettleAny(caller);
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
                r.expiresAt(),
                r.reservedBy(),
                settleable && r.settleableBy(caller, false),
                settleable && r.settleableBy(caller, true));
    }

    // the access rules let only these roles post to the financial API: a reader (the support desk) settles nothing,
    // not even a reservation without a recorded holder
    private static boolean maySettleAny(Caller caller) {
        return caller.hasRole(Caller.ADMIN)
                || caller.hasRole(Caller.MARKETING_MANAGER)
                || caller.hasRole(Caller.SYSTEM_AGENT);
    }
}
