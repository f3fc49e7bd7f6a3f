package com.agentfactory.messaging.error;

import java.util.List;

/** The caller is known but has no right to this data or action. */
public non-sealed class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super(message, List.of());
    }

    @Override
    public FailureKind kind() {
        return FailureKind.NOT_PERMITTED;
    }
}
