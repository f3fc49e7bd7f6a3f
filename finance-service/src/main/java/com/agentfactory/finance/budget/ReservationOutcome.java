package com.agentfactory.finance.budget;

import java.math.BigDecimal;

/**
 * The answer to a budget check. A refusal is a value, not an exception, so an agent task handler running
 * inside the runtime's transaction can report it without that transaction being marked for rollback.
 */
sealed interface ReservationOutcome {

    /** {@code replayed}: the caller repeated a request it already made, and gets the same reservation back. */
    record Reserved(Reservation reservation, Budget budget, boolean replayed) implements ReservationOutcome {}

    record Refused(Reason reason, String message, BigDecimal available) implements ReservationOutcome {}

    enum Reason {
        NO_BUDGET,
        CURRENCY_MISMATCH,
        INSUFFICIENT_BUDGET,
        IDEMPOTENCY_KEY_REUSED,
        /** spent_on is in a month closed to its spend (see {@link OpenPeriods}). */
        CLOSED_PERIOD,
        /** spent_on is after tomorrow: spend that has not happened. */
        FUTURE_SPEND,
        /** fiscal_period names another month than spent_on. */
        PERIOD_MISMATCH,
        /** The budget's sums cannot hold more spend (see {@link Budget#MAX_SUM}). */
        BEYOND_RECORDABLE,
        /** expires_at is not later than now: the hold would have ended before it began. */
        EXPIRY_PASSED
    }
}
