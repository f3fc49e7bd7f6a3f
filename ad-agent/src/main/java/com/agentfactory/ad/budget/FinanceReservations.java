package com.agentfactory.ad.budget;

import com.agentfactory.messaging.finance.FinanceUnavailableException;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Finance's budget reservations, as the allowance keeper needs them. Every call is safe to repeat: reserve with
 * the same key returns the same reservation, commit and release of a settled reservation change nothing.
 *
 * @see FinanceUnavailableException thrown when finance cannot be asked now; the caller retries later
 */
public interface FinanceReservations {

    ReserveOutcome reserve(UUID idempotencyKey, BigDecimal amount, String currency, String purpose);

    void commit(UUID financeReservationId);

    void release(UUID financeReservationId);

    sealed interface ReserveOutcome {

        record Reserved(UUID financeReservationId) implements ReserveOutcome {}

        /** Finance said no for good (no room, no budget, wrong currency): not retried with this key. */
        record Refused(String reason) implements ReserveOutcome {}
    }
}
