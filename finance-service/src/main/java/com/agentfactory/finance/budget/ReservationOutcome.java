package com.agentfactory.finance.budget;

import java.math.BigDecimal;

/**
 * The answer to a budget check. A refusal is a value, not an exception, so an agent task handler running
 * inside the runtime's transaction can report it without that transaction being marked for rollback.
 */
sealed interface ReservationOutcome {

    record Reserved(Reservation reservation, Budget budget) implements ReservationOutcome {}

    record Refused(Reason reason, String message, BigDecimal available) implements ReservationOutcome {}

    enum Reason {
        NO_BUDGET,
        CURRENCY_MISMATCH,
        INSUFFICIENT_BUDGET
    }
}
