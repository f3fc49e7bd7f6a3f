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
        String pendingSlot,
        String orderNumber,
        Instant createdAt) {}
