package com.agentfactory.support.ticket;

import com.agentfactory.support.escalation.Escalation;
import com.agentfactory.support.escalation.EscalationReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The ticket's state machine as conversations drive it: the only way other packages change a ticket. Every
 * method runs in the caller's transaction, next to the conversation's own writes.
 */
@Service
public class TicketTracker {

    private final TicketRepository tickets;

    TicketTracker(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /** Opens the ticket of a new conversation; returns its id. */
    public UUID open(UUID conversationId, UUID customerId, String category, Instant now) {
        return tickets.create(conversationId, customerId, category, now).id();
    }

    public UUID ofConversation(UUID conversationId) {
        return tickets.findByConversation(conversationId).orElseThrow().id();
    }

    /**
     * Records what a customer's message was understood as and decides who answers it: a person who already has
     * the conversation keeps it (a reply to their answer takes it back to CLAIMED); otherwise any escalation hands
     * it over; otherwise the bot answers (and reopens a closed ticket).
     *
     * @param escalations the reasons this message calls for a person, empty when none
     */
    public TicketTurn customerTurn(
            UUID ticketId,
            UUID messageId,
            String intentsJson,
            String entitiesJson,
            String suggestedAnswer,
            List<Escalation> escalations,
            Instant now) {
        TicketStatus status = current(ticketId);
        if (status == TicketStatus.ANSWERED) {
            // the status was read without a lock: a desk action that commits in between (a close) leaves the update
            // nothing to match, and the reply is then handled as one to the ticket as it is now, not lost on a ticket
            // that is in nobody's queue
            status = tickets.transition(ticketId, List.of(TicketStatus.ANSWERED), TicketStatus.CLAIMED, null, now)
                    ? TicketStatus.CLAIMED
                    : current(ticketId);
        }
        TicketTurn turn;
        if (status.withPerson()) {
            turn = new TicketTurn(status, TicketTurn.Handling.WITH_PERSON);
        } else if (!escalations.isEmpty()) {
            turn = new TicketTurn(TicketStatus.ESCALATED, TicketTurn.Handling.HANDED_OVER);
        } else {
            if (status == TicketStatus.CLOSED) {
                tickets.transition(ticketId, List.of(TicketStatus.CLOSED), TicketStatus.OPEN, null, now);
                status = TicketStatus.OPEN;
            }
            turn = new TicketTurn(status, TicketTurn.Handling.BOT_ANSWERS);
        }
        tickets.recordAnalysis(ticketId, intentsJson, entitiesJson, suggestedAnswer, now);
        if (turn.escalatedNow()) {
            tickets.escalate(ticketId, messageId, reasons(escalations), now);
        }
        return turn;
    }

    /** A message that could not be processed goes to a person, unless one has the conversation already. */
    public TicketTurn processingFailed(UUID ticketId, UUID messageId, String detail, Instant now) {
        TicketStatus status = current(ticketId);
        if (status.withPerson()) {
            return new TicketTurn(status, TicketTurn.Handling.WITH_PERSON);
        }
        tickets.escalate(
                ticketId,
                messageId,
                List.of(new TicketRepository.Reason(EscalationReason.PROCESSING_FAILED.name(), detail)),
                now);
        return new TicketTurn(TicketStatus.ESCALATED, TicketTurn.Handling.HANDED_OVER);
    }

    public TicketStatus status(UUID ticketId) {
        return current(ticketId);
    }

    private TicketStatus current(UUID ticketId) {
        return tickets.findById(ticketId).orElseThrow().status();
    }

    private static List<TicketRepository.Reason> reasons(List<Escalation> escalations) {
        return escalations.stream()
                .map(e -> new TicketRepository.Reason(e.reason().name(), e.detail()))
                .toList();
    }
}
