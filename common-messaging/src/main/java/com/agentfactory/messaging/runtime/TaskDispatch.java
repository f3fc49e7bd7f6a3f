package com.agentfactory.messaging.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * What the supervisor puts in a task envelope's {@code payload.context}; the task type travels as
 * {@code payload.action} and the input as {@code payload.data}.
 */
public record TaskDispatch(
        @JsonProperty("task_id") UUID taskId,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("requested_by") String requestedBy) {}
