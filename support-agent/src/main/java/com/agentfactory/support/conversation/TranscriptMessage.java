package com.agentfactory.support.conversation;

import java.time.Instant;
import java.util.UUID;

/** One line of the transcript: author is CUSTOMER, BOT or AGENT. */
public record TranscriptMessage(
        UUID id, int sequence, String author, String authorId, String body, String status, Instant createdAt) {}
