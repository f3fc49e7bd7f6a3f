package com.agentfactory.messaging.finance;

import java.util.UUID;

/** Finance's answer to a reservation: the money is set aside, or finance said no for good. */
public sealed interface BudgetReservation {

    record Reserved(UUID id) implements BudgetReservation {}

    /**
     * A 4xx answer: 409 the amount does not fit, 404 no budget for the department and month, 422 another currency,
     * an idempotency key reused for another request or a spend day in a month closed to its spend; {@code status}
     * lets a caller tell them apart.
     */
    record Refused(int status, String reason) implements BudgetReservation {}
}
