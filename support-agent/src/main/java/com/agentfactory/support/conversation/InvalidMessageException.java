package com.agentfactory.support.conversation;

/** A message that can never be processed as it is (empty, too long, not text). */
public class InvalidMessageException extends RuntimeException {

    private final String field;
    private final boolean unprocessable;

    InvalidMessageException(String field, String message, boolean unprocessable) {
        super(message);
        this.field = field;
        this.unprocessable = unprocessable;
    }

    public String field() {
        return field;
    }

    /** True when well-formed but not processable (binary content), false for a plainly invalid value. */
    public boolean unprocessable() {
        return unprocessable;
    }
}
