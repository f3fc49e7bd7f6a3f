package com.agentfactory.messaging.finance;

import java.math.BigDecimal;
import java.util.UUID;

/** Finance's answer to spend recorded without a reservation: booked, or finance said no for good. */
public sealed interface BudgetExpense {

    /**
     * Booked, whether or not the budget had room for it.
     *
     * @param id finance's record of the spend (a committed, unbudgeted reservation)
     * @param transactionId the expense in finance's ledger
     * @param budgetOverspentAmount what the budget has now spent beyond its allocation, or zero
     */
    record Recorded(UUID id, UUID transactionId, BigDecimal budgetOverspentAmount) implements BudgetExpense {}

    /**
     * A 4xx answer: 404 no budget for the department and month, 422 another currency, an idempotency key used for
     * other money, or a day after tomorrow; 403 a key under which another caller reserved. Nothing was booked; the
     * money is still owed, so a caller keeps it and asks again once a person has put it right.
     */
    record Refused(int status, String reason) implements BudgetExpense {}
}
