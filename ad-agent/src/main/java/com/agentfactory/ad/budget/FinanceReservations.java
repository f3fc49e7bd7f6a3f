package com.agentfactory.ad.budget;

import com.agentfactory.messaging.finance.FinanceUnavailableException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Finance's budget reservations, as the allowance keeper needs them. Every call is safe to repeat: reserve with
 * the same key returns the same reservation, commit and release of a settled reservation change nothing.
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

    void commit(UUID financeReservationId);

    void release(UUID financeReservationId);

    sealed interface ReserveOutcome {

        record Reserved(UUID financeReservationId) implements ReserveOutcome {}

        /**
         * Finance said no for good (no room, no budget, wrong currency, the day's month closed to its spend): not
         * retried with this key.
         */
        record Refused(String reason) implements ReserveOutcome {}
    }
}
