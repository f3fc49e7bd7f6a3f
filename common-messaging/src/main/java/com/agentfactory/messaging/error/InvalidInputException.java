package com.agentfactory.messaging.error;

import java.util.List;

/** Input whose fields are missing, malformed or out of range. */
public sealed class InvalidInputException extends DomainException permits RuleViolationException {

    public InvalidInputException(String message, List<FieldErrorDetail> errors) {
        super(message, errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(message, List.of(new FieldErrorDetail(field, message)));
    }

    /** The same rejection for an element of a list, its fields named under {@code prefix} (as in {@code tasks[3]}). */
    public InvalidInputException under(String prefix) {
        return new InvalidInputException(getMessage(), prefixed(prefix));
    }

    protected List<FieldErrorDetail> prefixed(String prefix) {
        return errors().stream()
                .map(error -> new FieldErrorDetail(prefix + "." + error.field(), error.message()))
                .toList();
    }

    @Override
    public FailureKind kind() {
        return FailureKind.INVALID_INPUT;
    }
}
