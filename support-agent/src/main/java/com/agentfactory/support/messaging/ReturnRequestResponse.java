package com.agentfactory.support.messaging;

import com.agentfactory.support.conversation.Reply;
import com.agentfactory.support.returns.ReturnAuthorisationResponse;
import com.agentfactory.support.ticket.TicketStatus;
import java.util.List;
import java.util.UUID;

/**
 * What a return request task did: the request is recorded on a ticket of category {@code return}, and when the
 * order is known and returnable a return authorisation is created with its lines and refund (published for
 * finance on {@code support.returns}). Otherwise {@code return_not_created} says why and the desk follows up.
 *
 * @param reply what the customer is told: the return instructions found, or the hand-over notice
 * @param escalated whether the request went to a person, with {@code escalation_reasons}
 * @param returnAuthorisation the return created, null when none was
 * @param returnNotCreated why no return was created, null when one was
 */
record ReturnRequestResponse(
        UUID conversationId,
        UUID ticketId,
        TicketStatus ticketStatus,
        String orderNumber,
        String reply,
        boolean escalated,
        List<Reply.ReasonView> escalationReasons,
        ReturnAuthorisationResponse returnAuthorisation,
        String returnNotCreated) {

    static ReturnRequestResponse of(
            Reply reply, String orderNumber, ReturnAuthorisationResponse authorisation, String notCreated) {
        return new ReturnRequestResponse(
                reply.conversationId(),
                reply.ticketId(),
                reply.ticketStatus(),
                orderNumber,
                reply.reply(),
                reply.escalated(),
                reply.escalationReasons(),
                authorisation,
                notCreated);
    }
}
