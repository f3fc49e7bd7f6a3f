package com.agentfactory.supervisor.task;

import java.time.Duration;

/**
 * A task of the request names a customer whose erasure runs now: the request was not stored, and its retry once the
 * erasure has ended is refused as about an erased customer. An erasure holds the customer for its whole run, so the
 * caller is asked to wait {@link #retryAfter} rather than the second of an ordinary retry.
 */
public final class CustomerBeingErasedException extends TaskNotStoredException {

    private final Duration retryAfter;

    public CustomerBeingErasedException(Duration retryAfter) {
        super(null);
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
