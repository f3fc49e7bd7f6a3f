package com.agentfactory.supervisor.escalation;

import java.time.Instant;
import java.util.UUID;

/** A task handed to people, with why, who took it and how it ended. */
record Escalation(
        UUID id,
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

    static Escalation open(UUID taskId, String reason, Instant at) {
        return new Escalation(
                UUID.randomUUID(), taskId, reason, EscalationStatus.OPEN, null, null, null, null, null, null, at);
    }
}
