package com.agentfactory.support.ticket;

import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.support.transcript.TranscriptRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading tickets and the support desk's actions on escalated ones. */
@Service
class TicketService {

    private final TicketRepository tickets;
    private final TicketConversations conversations;
    private final TranscriptRepository transcripts;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TicketService(
            TicketRepository tickets,
            TicketConversations conversations,
            TranscriptRepository transcripts,
            JsonMapper json,
            TransactionTemplate transactions,
            Clock clock) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The ticket for a support agent, or for the customer it belongs to. */
    TicketResponse read(UUID ticketId, UUID customerId, boolean supportAgent) {
        Ticket ticket = tickets.findById(ticketId)
                .filter(found -> supportAgent || (customerId != null && customerId.equals(found.customerId())))
                .orElseThrow(() -> new TicketNotFoundException(ticketId));
        TicketConversations.ConversationFacts conversation =
                conversations.facts(ticket.conversationId()).orElseThrow();
        return new TicketResponse(
                ticket.id(),
                ticket.conversationId(),
                ticket.status().name(),
                ticket.category(),
                ticket.customerId(),
                conversation.channel(),
                conversation.subject(),
                conversation.customerEmail(),
                ticket.assignedTo(),
                tree(ticket.intents()),
                tree(ticket.entities()),
                supportAgent ? ticket.suggestedAnswer() : null,
                supportAgent ? tickets.escalations(ticketId) : List.of(),
                transcripts.transcript(ticket.conversationId()),
                ticket.createdAt(),
                ticket.escalatedAt(),
                ticket.closedAt());
    }

    PageResponse<TicketSummaryResponse> queue(Collection<TicketStatus> statuses, UUID customerId, int page, int limit) {
        var pagination = PageResponse.Pagination.of(tickets.queueSize(statuses, customerId), page, limit);
        List<TicketSummaryResponse> items = tickets.queue(statuses, customerId, limit, pagination.offset()).stream()
                .map(ticket -> new TicketSummaryResponse(
                        ticket.id(),
                        ticket.conversationId(),
                        ticket.status().name(),
                        ticket.category(),
                        ticket.customerId(),
                        ticket.assignedTo(),
                        tickets.escalations(ticket.id()).stream()
                                .map(EscalationRecord::reason)
                                .distinct()
                                .toList(),
                        ticket.suggestedAnswer(),
                        ticket.escalatedAt()))
                .toList();
        return new PageResponse<>(items, pagination);
    }

    void claim(UUID ticketId, String agentId) {
        Ticket ticket = existing(ticketId);
        if (ticket.status() == TicketStatus.CLAIMED && agentId.equals(ticket.assignedTo())) {
            return;
        }
        if (!tickets.transition(
                ticketId, List.of(TicketStatus.ESCALATED), TicketStatus.CLAIMED, agentId, clock.instant())) {
            throw new TicketStateException(
                    "Ticket " + ticketId + " is " + existing(ticketId).status()
                            + (ticket.assignedTo() == null ? "" : " (claimed by " + ticket.assignedTo() + ")")
                            + "; only an escalated ticket can be claimed.");
        }
    }

    /** Sends the agent's reply to the customer; the agent must have claimed the ticket. */
    void answer(UUID ticketId, String agentId, String text, boolean close) {
        // the reply and the state change commit together: no reply on a ticket someone else just moved
        transactions.executeWithoutResult(status -> {
            // the conversation's lock before the ticket's, the order a turn being recorded takes them in
            conversations.lock(existing(ticketId).conversationId());
            Ticket ticket = existing(ticketId);
            boolean moved = ticket.status() == TicketStatus.CLAIMED
                    && agentId.equals(ticket.assignedTo())
                    && tickets.transition(
                            ticketId,
                            List.of(TicketStatus.CLAIMED),
                            close ? TicketStatus.CLOSED : TicketStatus.ANSWERED,
                            agentId,
                            clock.instant());
            if (!moved) {
                throw new TicketStateException(
                        "Ticket " + ticketId + " is " + ticket.status() + "; claim it before answering.");
            }
            conversations.appendAgentReply(ticket.conversationId(), agentId, text);
        });
    }

    void close(UUID ticketId, String agentId) {
        // under the conversation's lock, as an answer is: a customer reply being recorded meanwhile is then recorded
        // wholly before the close or wholly after it, against the closed ticket, which it reopens or escalates;
        // never reported as back with the agent of a ticket that closed under it
        transactions.executeWithoutResult(status -> closeLocked(ticketId, agentId));
    }

    private void closeLocked(UUID ticketId, String agentId) {
        conversations.lock(existing(ticketId).conversationId());
        Ticket ticket = existing(ticketId);
        if (ticket.status() == TicketStatus.CLOSED) {
            return;
        }
        if (ticket.assignedTo() != null && !agentId.equals(ticket.assignedTo())) {
            throw new TicketStateException("Ticket " + ticketId + " is assigned to " + ticket.assignedTo() + ".");
        }
        // the check above read the ticket unlocked: another agent may have claimed it since, and the update itself
        // must not close their ticket (nor make it this agent's)
        boolean closed = tickets.transitionUnlessAssignedToAnother(
                ticketId,
                List.of(TicketStatus.OPEN, TicketStatus.ESCALATED, TicketStatus.CLAIMED, TicketStatus.ANSWERED),
                TicketStatus.CLOSED,
                agentId,
                clock.instant());
        Ticket now = existing(ticketId);
        if (!closed && now.status() != TicketStatus.CLOSED) {
            throw new TicketStateException("Ticket " + ticketId + " is " + now.status()
                    + (now.assignedTo() == null ? "" : " (claimed by " + now.assignedTo() + ")") + ".");
        }
    }

    private Ticket existing(UUID ticketId) {
        return tickets.findById(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    private JsonNode tree(String value) {
        return value == null ? json.createArrayNode() : json.readTree(value);
    }
}
