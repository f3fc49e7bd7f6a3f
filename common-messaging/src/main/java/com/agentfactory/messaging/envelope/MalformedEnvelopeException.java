package com.agentfactory.messaging.envelope;

/** A message that can never be handled however often it is retried: a poison message. */
public class MalformedEnvelopeException extends RuntimeException {

    public MalformedEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
