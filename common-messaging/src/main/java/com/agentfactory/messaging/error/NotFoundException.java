package com.agentfactory.messaging.error;

import java.util.List;

/** The thing asked for does not exist (or the caller may not know that it does). */
public non-sealed class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message, List.of());
    }

    @Override
    public FailureKind kind() {
        return FailureKind.NOT_FOUND;
    }
}
