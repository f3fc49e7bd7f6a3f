package com.agentfactory.support.conversation;

import com.agentfactory.support.escalation.CustomerProfile;
import java.util.UUID;

/**
 * A customer message from any channel.
 *
 * @param conversationId the conversation it continues, null to start one
 * @param authorId who sent it: a user id, an email address or the supervisor's task id
 * @param category what the ticket is about when the channel already knows (complaint, return), else null
 * @param orderNumber an order the channel already knows the message is about, else null
 * @param staff written by the support desk (an agent or admin in the chat), who may look up any order
 * @param externalId the id the channel gave the message (an e-mail's Message-ID), null when it gives none: a
 *     message delivered again under the same id by the same sender is answered with the first reply, not taken in
 *     again
 */
public record InboundMessage(
        UUID conversationId,
        Channel channel,
        CustomerProfile customer,
        String customerEmail,
        String subject,
        String text,
        String authorId,
        String category,
        String orderNumber,
        boolean staff,
        String externalId) {

    public static InboundMessage chat(UUID conversationId, CustomerProfile customer, String authorId, String text) {
        return new InboundMessage(
                conversationId, Channel.CHAT, customer, null, null, text, authorId, null, null, false, null);
    }

    public InboundMessage byStaff(boolean byStaff) {
        return new InboundMessage(
                conversationId,
                channel,
                customer,
                customerEmail,
                subject,
                text,
                authorId,
                category,
                orderNumber,
                byStaff,
                externalId);
    }

    /**
     * The message as stored for a customer erased here: kept, though under no customer and without their address,
     * as what their erasure left. A chat message's author is the customer's user id and a mail's their address, which
     * their erasure removes too; a task's is the task, kept so that a run of the task again is still known for one (by
     * author and external id).
     */
    InboundMessage withoutCustomer() {
        return new InboundMessage(
                conversationId,
                channel,
                CustomerProfile.guest(),
                null,
                subject,
                text,
                channel == Channel.TASK ? authorId : null,
                category,
                orderNumber,
                staff,
                externalId);
    }

    public InboundMessage withOrderNumber(String number) {
        String value = number == null || number.isBlank() ? null : number.strip();
        return new InboundMessage(
                conversationId,
                channel,
                customer,
                customerEmail,
                subject,
                text,
                authorId,
                category,
                value,
                staff,
                externalId);
    }
}
