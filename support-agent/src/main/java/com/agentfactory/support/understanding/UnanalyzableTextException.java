package com.agentfactory.support.understanding;

/**
 * Thrown by {@link MessageAnalyzer#analyze} for input that is not a customer message: missing, longer than the
 * configured limit, or binary rather than text. Callers map it to a 4xx response; blank text is not an error (it
 * yields an empty understanding).
 */
public class UnanalyzableTextException extends IllegalArgumentException {

    private final String reason;

    public UnanalyzableTextException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Machine-readable cause: {@code missing}, {@code too_long} or {@code binary}. */
    public String reason() {
        return reason;
    }
}
