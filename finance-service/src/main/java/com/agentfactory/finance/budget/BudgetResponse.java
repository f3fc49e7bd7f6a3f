package com.agentfactory.finance.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A budget's status: what is allocated, reserved (committed), spent and still available; what of the spend was
 * recorded without a reservation (unbudgeted) and what was spent beyond the allocation (overspent, also the status).
 */
record BudgetResponse(
        UUID id,
        String department,
        String fiscalPeriod,
        String currency,
        BigDecimal allocatedAmount,
        BigDecimal committedAmount,
        BigDecimal spentAmount,
        BigDecimal unbudgetedAmount,
        BigDecimal availableAmount,
        BigDecimal overspentAmount,
        BigDecimal utilisation,
        BigDecimal warningThreshold,
        BigDecimal criticalThreshold,
        boolean alertsEnabled,
        String status,
        Instant updatedAt) {

    static BudgetResponse of(Budget b) {
        String status = b.isOverspent()
                ? "overspent"
                : b.reaches(b.criticalThreshold()) ? "critical" : b.reaches(b.warningThreshold()) ? "warning" : "ok";
        return new BudgetResponse(
                b.id(),
                b.department(),
                b.fiscalPeriod(),
                b.currency(),
                b.allocated(),
                b.committed(),
                b.spent(),
                b.unbudgeted(),
                b.available(),
                b.overspent(),
                b.utilisation(),
                b.warningThreshold(),
                b.criticalThreshold(),
                b.alertsEnabled(),
                status,
                b.updatedAt());
    }
}
