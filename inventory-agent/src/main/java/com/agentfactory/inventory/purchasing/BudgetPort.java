package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.finance.FinanceUnavailableException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The finance budget purchase orders are paid from: an amount is reserved when an order is approved, committed
 * (spent) when it is received, released when it is cancelled; an order closed short releases it and records what was
 * delivered as an expense. A refusal about the budget is an answer; a finance
 * service that cannot be reached throws {@link FinanceUnavailableException}, and any other refusal from finance
 * throws {@link FinanceRejectedException}.
 */
interface BudgetPort {

    /** The same {@code idempotencyKey} gives the same reservation, so a retry never reserves twice. */
    Reservation reserve(ReservationRequest request);

    void commit(String department, UUID reservationId);

    void release(String department, UUID reservationId);

    /**
     * Spend no reservation holds, booked on {@code spentOn}'s month; the same {@code idempotencyKey} books it once.
     * Any refusal throws {@link FinanceRejectedException}: the money is owed whatever finance says.
     */
    void recordExpense(ExpenseRequest request);

    /**
     * Money to set aside for an order. Its own record rather than the finance client's, so purchasing depends on
     * no transport type (the client's also carries a day and a channel purchase orders never set); its fields are
     * in the client's order, department then key, so that translating one into the other cannot swap them.
     *
     * @param idempotencyKey the same key for every attempt at one reservation
     * @param purpose what the money is for, for people reading the budget
     * @param requestedBy who approved the order, whom finance's audit trail names
     */
    record ReservationRequest(
            String department,
            String idempotencyKey,
            BigDecimal amount,
            String currency,
            String purpose,
            String requestedBy) {

        // as the finance client's request does: without any of these finance cannot be asked at all
        public ReservationRequest {
            Objects.requireNonNull(department, "department");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(requestedBy, "requestedBy");
        }
    }

    /**
     * Money already spent that no reservation holds, in the finance client's field order as
     * {@link ReservationRequest} is.
     *
     * @param idempotencyKey the same key for every attempt at one expense, so it is booked once
     * @param requestedBy who spent it, whom finance's audit trail names
     * @param spentOn the UTC day it was spent on, whose month's budget it is booked in
     */
    record ExpenseRequest(
            String department,
            String idempotencyKey,
            BigDecimal amount,
            String currency,
            String purpose,
            String requestedBy,
            LocalDate spentOn) {

        // as the finance client's request does: without any of these finance cannot be told at all
        public ExpenseRequest {
            Objects.requireNonNull(department, "department");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(requestedBy, "requestedBy");
            Objects.requireNonNull(spentOn, "spentOn");
        }
    }

    sealed interface Reservation {

        record Reserved(UUID id) implements Reservation {}

        record Refused(String reason) implements Reservation {}
    }
}
