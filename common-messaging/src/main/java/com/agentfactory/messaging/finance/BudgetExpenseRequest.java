package com.agentfactory.messaging.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money already spent that no reservation held, to book in a department's budget, for
 * {@link FinanceBudgetClient#recordExpense}. Finance judges the values; only what the call cannot be made without is
 * checked here.
 *
 * @param department the budget's department, as finance names it
 * @param idempotencyKey the same key for every attempt at one expense, so a retried call books it once; a key that
 *     reserved the money before commits that reservation instead
 * @param purpose what the money was for, for people reading the budget
 * @param requestedBy the agent or person that spent it, whom finance's audit trail names
 * @param spentOn the UTC day the money was spent on; required, as finance books the expense in that day's month
 * @param channel the channel the money was spent on, as the agent's touchpoints name it, kept in the expense's
 *     metadata; null for none
 */
public record BudgetExpenseRequest(
        String department,
        String idempotencyKey,
        BigDecimal amount,
        String currency,
        String purpose,
        String requestedBy,
        LocalDate spentOn,
        String channel)
        implements BudgetSpending {

    public BudgetExpenseRequest {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(spentOn, "spentOn");
    }

    /** Spent in no channel. */
    public BudgetExpenseRequest(
            String department,
            String idempotencyKey,
            BigDecimal amount,
            String currency,
            String purpose,
            String requestedBy,
            LocalDate spentOn) {
        this(department, idempotencyKey, amount, currency, purpose, requestedBy, spentOn, null);
    }

    /** The same money, spent in a channel. */
    public BudgetExpenseRequest withChannel(String spentIn) {
        return new BudgetExpenseRequest(
                department, idempotencyKey, amount, currency, purpose, requestedBy, spentOn, spentIn);
    }
}
