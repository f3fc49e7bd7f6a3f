package com.agentfactory.messaging.finance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a reservation and a recorded expense both tell finance about the money: finance reads the same body fields
 * for either, so {@link FinanceBudgetClient} sends both from this one view and only the endpoint differs.
 */
sealed interface BudgetSpending permits BudgetReservationRequest, BudgetExpenseRequest {

    String department();

    String idempotencyKey();

    BigDecimal amount();

    String currency();

    String purpose();

    String requestedBy();

    /** Null when finance is to use the current month. */
    LocalDate spentOn();

    /** Null for none. */
    String channel();
}
