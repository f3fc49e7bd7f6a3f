package com.agentfactory.finance.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * A department's budget for one fiscal month.
 *
 * @param committed reserved and not yet spent
 * @param spent spent, through reservations and without ({@code unbudgeted})
 * @param unbudgeted the part of {@code spent} recorded without a reservation (see
 *     {@link BudgetService#recordExpense}): the only money that may take the budget beyond its allocation
 */
record Budget(
        UUID id,
        String department,
        String fiscalPeriod,
        String currency,
        BigDecimal allocated,
        BigDecimal committed,
        BigDecimal spent,
        BigDecimal unbudgeted,
        BigDecimal warningThreshold,
        BigDecimal criticalThreshold,
        boolean alertsEnabled,
        Instant createdAt,
        Instant updatedAt) {

    /** The most each of a budget's sums holds (NUMERIC(14,2)). */
    static final BigDecimal MAX_SUM = new BigDecimal("999999999999.99");

    BigDecimal used() {
        return committed.add(spent);
    }

    /** Nothing once the budget is overspent: what it owes beyond the allocation is {@link #overspent()}. */
    BigDecimal available() {
        return allocated.subtract(used()).max(BigDecimal.ZERO);
    }

    /** What was spent beyond the allocation, or zero. */
    BigDecimal overspent() {
        return used().subtract(allocated).max(BigDecimal.ZERO);
    }

    boolean isOverspent() {
        return used().compareTo(allocated) > 0;
    }

    BigDecimal utilisation() {
        return allocated.signum() == 0 ? BigDecimal.ZERO : used().divide(allocated, 4, RoundingMode.HALF_EVEN);
    }

    boolean fits(BigDecimal amount) {
        return used().add(amount).compareTo(allocated) <= 0;
    }

    /** Whether usage is at or above the threshold, compared exactly (no rounded ratio). */
    boolean reaches(BigDecimal threshold) {
        return allocated.signum() > 0 && used().compareTo(allocated.multiply(threshold)) >= 0;
    }

    Budget withUsage(BigDecimal newCommitted, BigDecimal newSpent, Instant at) {
        return new Budget(
                id,
                department,
                fiscalPeriod,
                currency,
                allocated,
                newCommitted,
                newSpent,
                unbudgeted,
                warningThreshold,
                criticalThreshold,
                alertsEnabled,
                createdAt,
                at);
    }

    /**
     * Whether the sums can take this spend without a reservation. Measured on the used amount, not only the spent:
     * what is still reserved becomes spent when committed, so spent must have room for it too.
     */
    boolean canHoldUnbudgeted(BigDecimal amount) {
        return used().add(amount).compareTo(MAX_SUM) <= 0;
    }

    /** Spend no reservation held the money for, recorded whether or not the allocation has room for it. */
    Budget withUnbudgetedSpend(BigDecimal amount, Instant at) {
        return new Budget(
                id,
                department,
                fiscalPeriod,
                currency,
                allocated,
                committed,
                spent.add(amount),
                unbudgeted.add(amount),
                warningThreshold,
                criticalThreshold,
                alertsEnabled,
                createdAt,
                at);
    }
}
