package com.agentfactory.finance.budget;

import com.agentfactory.finance.audit.Actor;
import com.agentfactory.finance.audit.AuditActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases reservations still held after their {@code expires_at}, so money whose holder lost track of it (a page
 * reloaded after reserving, a budget check whose task nothing commits) goes back to its budget. Each batch of budgets
 * is one transaction that locks them with SKIP LOCKED: instances sweep side by side, and a budget a request is
 * changing is left to the next sweep rather than waited for. A release is audited as the finance agent's, like any
 * other release; reservations without an expiry are never touched.
 */
@Component
class ExpiredReservations {

    private static final Logger log = LoggerFactory.getLogger(ExpiredReservations.class);
    private static final Actor FINANCE = Actor.agent("finance");
    private static final int BUDGETS_PER_BATCH = 100;

    private final BudgetService budgets;
    private final AuditActor auditActor;

    ExpiredReservations(BudgetService budgets, AuditActor auditActor) {
        this.budgets = budgets;
        this.auditActor = auditActor;
    }

    @Scheduled(
            initialDelayString = "${agentfactory.finance.budget.expiry-sweep-interval}",
            fixedDelayString = "${agentfactory.finance.budget.expiry-sweep-interval}")
    void sweep() {
        try {
            int released = releaseExpired();
            if (released > 0) {
                log.info("Released {} reservation(s) held past their expires_at", released);
            }
        } catch (RuntimeException e) {
            // the next sweep tries again; nothing was released by the batch that failed
            log.warn("Reservations past their expires_at not released: {}", e.getMessage(), e);
        }
    }

    /** Releases every expired reservation it can lock now, batch after batch; returns how many it released. */
    int releaseExpired() {
        int released = 0;
        while (true) {
            BudgetService.Swept swept = auditActor.callAs(FINANCE, () -> budgets.releaseExpired(BUDGETS_PER_BATCH));
            released += swept.released();
            if (swept.budgets() < BUDGETS_PER_BATCH) {
                return released;
            }
        }
    }
}
