package com.agentfactory.support.ticket;

/** The ticket is not in a state that allows the action (already claimed by someone else, closed...). */
public class TicketStateException extends RuntimeException {

    public TicketStateException(String message) {
        super(message);
    }
}
