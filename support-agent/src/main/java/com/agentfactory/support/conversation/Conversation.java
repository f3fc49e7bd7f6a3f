package com.agentfactory.support.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation row with the little state multi-turn handling needs. */
public record Conversation(
        UUID id,
        Channel channel,
        UUID customerId,
        String customerEmail,
        String subject,
        int failedAttempts,
        String lastIntent,
        Double lastConfidence,
        PendingSlot pendingSlot,
        String orderNumber,
        Instant createdAt) {

    /**
     * Whether the channel may append to it: a customer's conversation takes only that customer's messages, and
     * one without a customer owner takes messages from channels that already vouched for the sender (mail from
     * the starting address, a task, staff in the chat; see {@link #openTo}).
     */
    boolean mayBeContinuedBy(UUID customerId) {
        return this.customerId == null || this.customerId.equals(customerId);
    }

    /**
     * Who may read it or write into it through the API: staff any, a customer only their own. A conversation
     * without a customer owner (mail, task and staff conversations) is staff-only, since nothing ties it to the
     * customer asking.
     */
    boolean openTo(UUID customerId, boolean staff) {
        return staff || (this.customerId != null && this.customerId.equals(customerId));
    }
}
