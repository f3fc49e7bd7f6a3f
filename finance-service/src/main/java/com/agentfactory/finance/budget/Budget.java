package com.agentfactory.finance.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

record Budget(
        UUID id,
        String department,
        String fiscalPeriod,
        String currency,
        BigDecimal allocated,
        BigDecimal committed,
        BigDecimal spent,
        BigDecimal warningThreshold,
        BigDecimal criticalThreshold,
        boolean alertsEnabled,
        Instant createdAt,
        Instant updatedAt) {

    BigDecimal used() {
        return committed.add(spent);
    }

    BigDecimal available() {
        return allocated.subtract(used());
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
                warningThreshold,
                criticalThreshold,
                alertsEnabled,
                createdAt,
                at);
    }
}
