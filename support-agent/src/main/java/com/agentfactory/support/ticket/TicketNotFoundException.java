package com.agentfactory.support.ticket;

import java.util.UUID;

public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(UUID id) {
        super("No ticket " + id + ".");
    }
}
