package com.agentfactory.finance.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A budget's status: what is allocated, reserved (committed), spent and still available. */
record BudgetResponse(
        UUID id,
        String department,
        String fiscalPeriod,
        String currency,
        BigDecimal allocatedAmount,
        BigDecimal committedAmount,
        BigDecimal spentAmount,
        BigDecimal availableAmount,
        BigDecimal utilisation,
        BigDecimal warningThreshold,
        BigDecimal criticalThreshold,
        boolean alertsEnabled,
        String status,
        Instant updatedAt) {

    static BudgetResponse of(Budget b) {
        String status =
                b.reaches(b.criticalThreshold()) ? "critical" : b.reaches(b.warningThreshold()) ? "warning" : "ok";
        return new BudgetResponse(
                b.id(),
                b.department(),
                b.fiscalPeriod(),
                b.currency(),
                b.allocated(),
                b.committed(),
                b.spent(),
                b.available(),
                b.utilisation(),
                b.warningThreshold(),
                b.criticalThreshold(),
                b.alertsEnabled(),
                status,
                b.updatedAt());
    }
}
