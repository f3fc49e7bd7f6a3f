package com.agentfactory.messaging.finance;

/** Finance could not be asked now (no answer, a 5xx, or its circuit is open): the caller tries again later. */
public class FinanceUnavailableException extends RuntimeException {

    public FinanceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
