package com.agentfactory.supervisor.event;

import java.util.UUID;

/** What became of one submitted event: stored now, or already stored before (a replay). */
public record EventResult(UUID eventId, String type, Status status) {

    public enum Status {
        ACCEPTED,
        DUPLICATE
    }
}
