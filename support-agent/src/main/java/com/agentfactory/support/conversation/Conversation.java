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

    /** A customer continues their own conversation, and anyone a guest one. */
    boolean mayBeContinuedBy(UUID customerId) {
        return this.customerId == null || this.customerId.equals(customerId);
    }
}
