package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.error.ConflictException;

class PurchaseOrderStateException extends ConflictException {

    PurchaseOrderStateException(PurchaseOrderStatus from, PurchaseOrderStatus to) {
        super("a " + from.name().toLowerCase(java.util.Locale.ROOT) + " purchase order cannot become "
                + to.name().toLowerCase(java.util.Locale.ROOT));
    }

    PurchaseOrderStateException(String message) {
        super(message);
    }
}
