package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class ReservationNotFoundException extends NotFoundException {

    ReservationNotFoundException(UUID id) {
        super("no reservation " + id);
    }
}
