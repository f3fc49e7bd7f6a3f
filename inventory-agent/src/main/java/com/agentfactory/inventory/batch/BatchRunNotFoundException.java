package com.agentfactory.inventory.batch;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class BatchRunNotFoundException extends NotFoundException {

    BatchRunNotFoundException(UUID id) {
        super("no daily run " + id);
    }
}
