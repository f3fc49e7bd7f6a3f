package com.agentfactory.support.ticket;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class TicketNotFoundException extends NotFoundException {

    TicketNotFoundException(UUID id) {
        super("No ticket " + id + ".");
    }
}
