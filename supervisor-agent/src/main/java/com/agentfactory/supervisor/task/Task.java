package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A task row; {@code failure} and {@code errors} say why an agent failed it, when it did. {@code dispatchId} is the
 * message id of its latest dispatch to an agent (null before its first, and for tasks dispatched before it was kept);
 * the database records it as superseded once it moves on, and only reports of superseded dispatches are told apart.
 */
record Task(
        UUID id,
        String taskType,
        TaskStatus status,
        int priority,
        UUID assignedAgentId,
        String assignedAgentType,
        JsonNode inputData,
        JsonNode outputData,
        String errorMessage,
        FailureKind failure,
        List<FieldErrorDetail> errors,
        int progress,
        int attempts,
        String routingMethod,
        BigDecimal routingConfidence,
        String routingReason,
        UUID correlationId,
        String traceId,
        String requestedBy,
        Instant expiresAt,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        UUID dispatchId) {

    Task {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
