package com.agentfactory.messaging.error;

import java.util.List;

/**
 * Well-formed input that a rule of the domain refuses: a period that ends before it starts, a margin above
 * the price, a reference to something that does not exist, more items than a request may carry.
 */
public final class RuleViolationException extends InvalidInputException {

    public RuleViolationException(String message, List<FieldErrorDetail> errors) {
        super(message, errors);
    }

    public static RuleViolationException of(String field, String message) {
        return new RuleViolationException(message, List.of(new FieldErrorDetail(field, message)));
    }

    @Override
    public RuleViolationException under(String prefix) {
        return new RuleViolationException(getMessage(), prefixed(prefix));
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RULE_VIOLATION;
    }
}
