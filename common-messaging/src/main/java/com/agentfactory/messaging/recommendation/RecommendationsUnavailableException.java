package com.agentfactory.messaging.recommendation;

/**
 * No list could be had now (no answer, a 5xx, a refusal of this caller, or the circuit is open): the caller shows
 * its fallback instead.
 */
public class RecommendationsUnavailableException extends RuntimeException {

    public RecommendationsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
