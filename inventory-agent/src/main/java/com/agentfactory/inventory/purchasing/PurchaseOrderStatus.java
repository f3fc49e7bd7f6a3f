package com.agentfactory.inventory.purchasing;

import java.util.Set;

/**
 * SUGGESTED -> APPROVED -> ORDERED -> RECEIVED; a suggestion can be REJECTED, an approved or placed order CANCELLED,
 * and a placed order delivered in part whose rest will not come CLOSED (short).
 */
enum PurchaseOrderStatus {
    SUGGESTED,
    APPROVED,
    ORDERED,
    RECEIVED,
    CLOSED,
    REJECTED,
    CANCELLED;

    private Set<PurchaseOrderStatus> next() {
        return switch (this) {
            case SUGGESTED -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(ORDERED, CANCELLED);
            case ORDERED -> Set.of(RECEIVED, CLOSED, CANCELLED);
            case RECEIVED, CLOSED, REJECTED, CANCELLED -> Set.of();
        };
    }

    boolean canMoveTo(PurchaseOrderStatus target) {
        return next().contains(target);
    }
}
