package com.agentfactory.supervisor.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A task row. */
public record Task(
        UUID id,
        String taskType,
        TaskStatus status,
        int priority,
        UUID assignedAgentId,
        String assignedAgentType,
        JsonNode inputData,
        JsonNode outputData,
        String errorMessage,
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
        Instant completedAt) {}
