package com.agentfactory.ad.budget;

/** Finance could not be reached or failed; the request is kept and asked again later with the same key. */
public class FinanceUnavailableException extends RuntimeException {

    public FinanceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
