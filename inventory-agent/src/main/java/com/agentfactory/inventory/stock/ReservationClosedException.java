package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.error.ConflictException;
import java.util.Locale;
import java.util.UUID;

class ReservationClosedException extends ConflictException {

    ReservationClosedException(UUID id, ReservationStatus status) {
        super("reservation " + id + " is " + status.name().toLowerCase(Locale.ROOT) + " and holds no stock");
    }
}
