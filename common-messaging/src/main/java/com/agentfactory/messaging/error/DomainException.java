package com.agentfactory.messaging.error;

import java.util.List;

/**
 * A request or task that cannot succeed as asked, however often it is tried. The web layer turns each kind
 * into its problem detail; the agent runtime fails the task at once, without retries or a dead letter.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, NotPermittedException {

    private final List<FieldErrorDetail> errors;

    protected DomainException(String message, List<FieldErrorDetail> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** The fields at fault, in the API's snake_case names; empty when no single field is to blame. */
    public List<FieldErrorDetail> errors() {
        return errors;
    }

    /** How the failure is reported on agent.events, so the supervisor can tell input errors from outages. */
    public abstract FailureKind kind();
}
