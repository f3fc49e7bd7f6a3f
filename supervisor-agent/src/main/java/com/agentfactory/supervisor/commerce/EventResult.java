package com.agentfactory.supervisor.commerce;

import java.util.UUID;

/** What became of one submitted event: stored now, or already stored before (a replay). */
record EventResult(UUID eventId, String type, Status status) {

    enum Status {
        ACCEPTED,
        DUPLICATE
    }
}
