package com.agentfactory.support.ticket;

import com.agentfactory.messaging.error.ConflictException;

/** The ticket is not in a state that allows the action (already claimed by someone else, closed...). */
class TicketStateException extends ConflictException {

    TicketStateException(String message) {
        super(message);
    }
}
