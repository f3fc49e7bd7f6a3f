package com.agentfactory.inventory.purchasing;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One step of a purchase order's life: who moved it, why, when. */
@Embeddable
class StatusChange {

    @Enumerated(EnumType.STRING)
    private PurchaseOrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    private PurchaseOrderStatus toStatus;

    private String actor;
    private String reason;
    private Instant changedAt;

    protected StatusChange() {}

    StatusChange(PurchaseOrderStatus from, PurchaseOrderStatus to, String actor, String reason, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.reason = reason;
        this.changedAt = at;
    }

    PurchaseOrderStatus fromStatus() {
        return fromStatus;
    }

    PurchaseOrderStatus toStatus() {
        return toStatus;
    }

    String actor() {
        return actor;
    }

    String reason() {
        return reason;
    }

    Instant changedAt() {
        return changedAt;
    }
}
