package com.agentfactory.support.messaging;

import com.agentfactory.support.conversation.Reply;
import com.agentfactory.support.ticket.TicketStatus;
import java.util.List;
import java.util.UUID;

/**
 * What a return request task does today: the request is recorded on a ticket of category {@code return} and
 * answered with the store's return instructions, or handed to a person. No return authorisation is created and
 * no refund is booked; the desk follows the ticket up.
 *
 * @param reply what the customer is told: the return instructions found, or the hand-over notice
 * @param escalated whether the request went to a person, with {@code escalation_reasons}
 */
record ReturnRequestResponse(
        UUID conversationId,
        UUID ticketId,
        TicketStatus ticketStatus,
        String orderNumber,
        String reply,
        boolean escalated,
        List<Reply.ReasonView> escalationReasons) {

    static ReturnRequestResponse of(Reply reply, String orderNumber) {
        return new ReturnRequestResponse(
                reply.conversationId(),
                reply.ticketId(),
                reply.ticketStatus(),
                orderNumber,
                reply.reply(),
                reply.escalated(),
                reply.escalationReasons());
    }
}
