package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class PurchaseOrderNotFoundException extends NotFoundException {

    PurchaseOrderNotFoundException(UUID id) {
        super("no purchase order " + id);
    }
}
