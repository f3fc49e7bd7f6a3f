package com.agentfactory.support.ticket;

/** OPEN: the bot handles it. ESCALATED: waiting in the queue. CLAIMED: a person has it. ANSWERED: a person replied. */
public enum TicketStatus {
    OPEN,
    ESCALATED,
    CLAIMED,
    ANSWERED,
    CLOSED;

    public boolean withPerson() {
        return this == ESCALATED || this == CLAIMED || this == ANSWERED;
    }
}
