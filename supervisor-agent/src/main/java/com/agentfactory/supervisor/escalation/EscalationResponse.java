package com.agentfactory.supervisor.escalation;

import java.time.Instant;
import java.util.UUID;

record EscalationResponse(
        UUID escalationId,
        UUID taskId,
        String reason,
        EscalationStatus status,
        String claimedBy,
        Instant claimedAt,
        String resolvedBy,
        Instant resolvedAt,
        ResolutionOutcome outcome,
        String resolution,
        Instant createdAt) {

    static EscalationResponse of(Escalation e) {
        return new EscalationResponse(
                e.id(),
                e.taskId(),
                e.reason(),
                e.status(),
                e.claimedBy(),
                e.claimedAt(),
                e.resolvedBy(),
                e.resolvedAt(),
                e.outcome(),
                e.resolution(),
                e.createdAt());
    }
}
