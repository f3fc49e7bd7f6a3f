package com.agentfactory.support.ticket;

import com.agentfactory.support.transcript.TranscriptMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A ticket with everything a support agent needs to take over: transcript, understanding, suggested answer. */
record TicketResponse(
        UUID ticketId,
        UUID conversationId,
        String status,
        String category,
        UUID customerId,
        String channel,
        String subject,
        String customerEmail,
        String assignedTo,
        JsonNode intents,
        JsonNode entities,
        String suggestedAnswer,
        List<EscalationRecord> escalationReasons,
        List<TranscriptMessage> transcript,
        Instant createdAt,
        Instant escalatedAt,
        Instant closedAt) {}
