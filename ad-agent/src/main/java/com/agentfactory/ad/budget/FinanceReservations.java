package com.agentfactory.ad.budget;

import com.agentfactory.messaging.finance.FinanceUnavailableException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Finance's budget reservations, as the allowance keeper needs them, and the spend no reservation held. Every call
 * is safe to repeat: reserve or record with the same key returns the same answer, commit and release of a settled
 * reservation change nothing.
 *
 * @see FinanceUnavailableException thrown when finance cannot be asked now; the caller retries later
 */
public interface FinanceReservations {

    /**
     * @param spentOn the UTC day the money is spent on: finance reserves it from that day's month, so the spend of
     *     a day settled after midnight on the first of a month is booked in the month before, which the exchanges
     *     bill it in
     */
    ReserveOutcome reserve(UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn);

    /**
     * Records money already spent that no reservation held: what the exchanges bill for wins beyond the allowance.
     * Finance books it even when the budget has no room left (the budget is then overspent), so spend is never
     * left unrecorded for want of budget.
     *
     * @param spentOn the UTC day the wins were on
     */
    ExpenseOutcome recordExpense(
            UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn);

    /** @throws SettlementRefusedException when finance refuses to commit it (released, unknown, held by another) */
    void commit(UUID financeReservationId);

    /** @throws SettlementRefusedException when finance refuses to release it (committed, unknown, held by another) */
    void release(UUID financeReservationId);

    sealed interface ReserveOutcome {

        record Reserved(UUID financeReservationId) implements ReserveOutcome {}

        /**
         * Finance said no for good (no room, no budget, wrong currency, the day's month closed to its spend): not
         * retried with this key.
         */
        record Refused(String reason) implements ReserveOutcome {}
    }

    sealed interface ExpenseOutcome {

        /** @param budgetOverspent what finance's budget has now spent beyond its allocation, or zero */
        record Recorded(UUID financeId, BigDecimal budgetOverspent) implements ExpenseOutcome {}

        /**
         * Finance could not book it (no budget for the month, another currency): nothing was recorded, and the
         * money is still owed, so it is kept and asked again until a person puts finance right.
         */
        record Refused(String reason) implements ExpenseOutcome {}
    }
}
