package com.agentfactory.messaging.envelope;

import java.util.Objects;
import java.util.UUID;

/**
 * An envelope of the action its reader asked for, with the payload read as that action's type; the envelope stays
 * at hand for its message id (the idempotency key) and anything else a reader needs from it.
 */
public record Received<T>(MessageEnvelope envelope, T payload) {

    public Received {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(payload, "payload");
    }

    public UUID messageId() {
        return envelope.messageId();
    }
}
