package com.agentfactory.messaging.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money to set aside in a department's budget ahead of spending it, for {@link FinanceBudgetClient#reserve}.
 * Finance judges the values (a department it knows, an amount in bounds, the budget's currency); only what the call
 * cannot be made without is checked here.
 *
 * @param department the budget's department, as finance names it
 * @param idempotencyKey the same key for every attempt at one reservation, so a retried call reserves once
 * @param purpose what the money is for, for people reading the budget
 * @param requestedBy the agent or person the money is reserved for, whom finance's audit trail names
 * @param spentOn the UTC day the money is spent on, so spend settled after midnight is reserved from the month it
 *     was spent in (finance refuses, 422, a day in a month closed to its spend); null for the current month
 * @param channel the channel the money is spent on, as the agent's touchpoints name it, kept in the metadata of the
 *     expense the reservation's commit books so return on spend per channel counts it; null for none
 */
public record BudgetReservationRequest(
        String department,
        String idempotencyKey,
        BigDecimal amount,
        String currency,
        String purpose,
        String requestedBy,
        LocalDate spentOn,
        String channel)
        implements BudgetSpending {

    public BudgetReservationRequest {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }

    /** From the current month's budget, in no channel. */
    public BudgetReservationRequest(
            String department,
            String idempotencyKey,
            BigDecimal amount,
            String currency,
            String purpose,
            String requestedBy) {
        this(department, idempotencyKey, amount, currency, purpose, requestedBy, null, null);
    }

    /** The same money, from the month of the day it is spent on. */
    public BudgetReservationRequest withSpentOn(LocalDate day) {
        return new BudgetReservationRequest(
                department, idempotencyKey, amount, currency, purpose, requestedBy, day, channel);
    }

    /** The same money, spent in a channel. */
    public BudgetReservationRequest withChannel(String spentIn) {
        return new BudgetReservationRequest(
                department, idempotencyKey, amount, currency, purpose, requestedBy, spentOn, spentIn);
    }
}
