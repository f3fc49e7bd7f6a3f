package com.agentfactory.inventory.replenishment;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class SupplierNotFoundException extends NotFoundException {

    SupplierNotFoundException(UUID id) {
        super("no supplier " + id);
    }
}
