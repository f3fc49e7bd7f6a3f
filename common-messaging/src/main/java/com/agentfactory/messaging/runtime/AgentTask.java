package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.MessageEnvelope;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A task as a handler sees it. {@code attempt} starts at 1 and counts in-process retries. */
public record AgentTask(
        UUID taskId,
        String taskType,
        JsonNode input,
        int priority,
        int attempt,
        UUID correlationId,
        Instant expiresAt,
        String requestedBy,
        MessageEnvelope envelope) {}
