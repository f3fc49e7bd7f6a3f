package com.agentfactory.support.ticket;

import java.time.Instant;
import java.util.UUID;

/** A ticket row; {@code intents} and {@code entities} are the JSON of the latest analysed message. */
record Ticket(
        UUID id,
        UUID conversationId,
        TicketStatus status,
        String category,
        UUID customerId,
        String intents,
        String entities,
        String suggestedAnswer,
        String assignedTo,
        Instant createdAt,
        Instant updatedAt,
        Instant escalatedAt,
        Instant closedAt) {}
