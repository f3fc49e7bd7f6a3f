package com.agentfactory.messaging.error;

import java.util.List;

/** The request does not fit the current state: a finished task cancelled, a duplicate, a claim already taken. */
public non-sealed class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message, List.of());
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFLICT;
    }
}
