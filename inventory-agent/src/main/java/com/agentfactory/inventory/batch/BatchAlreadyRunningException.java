package com.agentfactory.inventory.batch;

import com.agentfactory.messaging.error.ConflictException;
import java.time.Instant;
import java.util.UUID;

/** A daily run asked for while another is running, started here or on another instance. */
class BatchAlreadyRunningException extends ConflictException {

    BatchAlreadyRunningException(UUID runningId, Instant startedAt) {
        super("daily run " + runningId + " is running since " + startedAt + ": only one runs at a time");
    }
}
