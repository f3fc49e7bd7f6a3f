package com.agentfactory.support.ticket;

/** What a customer's message did to the ticket: who answers it now and the status it is left in. */
public record TicketTurn(TicketStatus status, Handling handling) {

    public enum Handling {
        /** The bot answers: nothing called for a person. */
        BOT_ANSWERS,
        /** This message handed the conversation over to a person. */
        HANDED_OVER,
        /** A person already has the conversation; the bot stays out of it. */
        WITH_PERSON
    }

    public boolean escalatedNow() {
        return handling == Handling.HANDED_OVER;
    }
}
