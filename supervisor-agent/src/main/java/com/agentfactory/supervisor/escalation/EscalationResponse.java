package com.agentfactory.supervisor.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record EscalationResponse(
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

    public record Page(List<EscalationResponse> escalations, long total, int page, int limit) {}
}
