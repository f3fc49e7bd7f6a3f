package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.finance.BudgetExpenseRequest;
import com.agentfactory.messaging.finance.BudgetReservationRequest;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import java.util.UUID;

/**
 * The finance budget purchase orders are paid from: an amount is reserved when an order is approved, committed
 * (spent) when it is received, released when it is cancelled; an order closed short releases it and records what was
 * delivered as an expense. A refusal about the budget is an answer; a finance
 * service that cannot be reached throws {@link FinanceUnavailableException}, and any other refusal from finance
 * throws {@link FinanceRejectedException}. Requests are the shared finance client's records: plain values, the same
 * fields in the same order wherever a budget is asked.
 */
interface BudgetPort {

    /** The same {@code idempotencyKey} gives the same reservation, so a retry never reserves twice. */
    Reservation reserve(BudgetReservationRequest request);

    void commit(String department, UUID reservationId);

    void release(String department, UUID reservationId);

    /**
     * Spend no reservation holds, booked on {@code spentOn}'s month; the same {@code idempotencyKey} books it once.
     * Any refusal throws {@link FinanceRejectedException}: the money is owed whatever finance says.
     */
    void recordExpense(BudgetExpenseRequest request);

    sealed interface Reservation {

        record Reserved(UUID id) implements Reservation {}

        record Refused(String reason) implements Reservation {}
    }
}
