package com.agentfactory.messaging.runtime;

/** The task cannot succeed however often it is tried (bad input, unknown entity): fail it at once. */
public class NonRetryableTaskException extends RuntimeException {

    public NonRetryableTaskException(String message) {
        super(message);
    }

    public NonRetryableTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
