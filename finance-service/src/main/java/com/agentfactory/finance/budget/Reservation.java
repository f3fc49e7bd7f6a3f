package com.agentfactory.finance.budget;

import com.agentfactory.messaging.identity.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money of a budget set aside for a purpose, then spent (committed) or given back (released).
 *
 * @param spentOn the UTC day the money is spent on, when the caller said; its commit's expense is dated then
 * @param unbudgeted spend recorded after the fact without ever being reserved (see
 *     {@link BudgetService#recordExpense}); committed from the start
 * @param attributedAgent the agent its expense is booked under: the spending agent's type when an agent's own token
 *     asked (see {@link SpendingAgents}), else {@code requestedBy}
 * @param channel the channel it is spent on, for the expense's metadata; null when the caller named none
 * @param expiresAt when its hold ends if it is still reserved then: a sweep releases it
 *     ({@link ExpiredReservations}); null for one held until it is committed or released
 * @param reservedBy who holds it: the caller that made it, as {@link Caller#actorName()} names callers (the audit
 *     trail's user, or {@code agent:} and the service client); null when no one was recorded (made before holders
 *     were, or by a task whose envelope did not name its requester)
 */
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
        Instant resolvedAt,
        String idempotencyKey,
        LocalDate spentOn,
        boolean unbudgeted,
        String attributedAgent,
        String channel,
        Instant expiresAt,
        String reservedBy) {

    /**
     * Whether the caller may settle it: only its holder may spend or give back what it set aside, else another
     * caller the budget's rules admit could release money the holder is about to spend, or spend money the holder
     * still counts on. A person with the admin role may also release one, to clear a reservation whose holder lost
     * track of it (or is gone), but not spend it for them. One without a recorded holder stays open to whoever the
     * rules admit, as it was before holders were recorded.
     */
    boolean settleableBy(Caller caller, boolean release) {
        if (reservedBy == null || reservedBy.equals(caller.actorName())) {
            return true;
        }
        return release && caller.userId() != null && caller.hasRole(Caller.ADMIN);
    }

    /** Whether a repeated request with this reservation's key asks for the same thing. */
    boolean sameRequestAs(BigDecimal otherAmount, String otherCurrency, String otherPurpose) {
        return amount.compareTo(otherAmount) == 0 && currency.equals(otherCurrency) && purpose.equals(otherPurpose);
    }
}
