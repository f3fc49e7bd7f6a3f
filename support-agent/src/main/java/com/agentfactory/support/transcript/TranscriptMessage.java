package com.agentfactory.support.transcript;

import java.time.Instant;
import java.util.UUID;

/** One line of the transcript. */
public record TranscriptMessage(
        UUID id,
        int sequence,
        MessageRole author,
        String authorId,
        String body,
        MessageStatus status,
        Instant createdAt) {}
