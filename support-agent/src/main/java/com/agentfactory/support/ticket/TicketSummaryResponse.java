package com.agentfactory.support.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record TicketSummaryResponse(
        UUID ticketId,
        UUID conversationId,
        String status,
        String category,
        UUID customerId,
        String assignedTo,
        List<String> escalationReasons,
        String suggestedAnswer,
        Instant escalatedAt) {}
