package com.agentfactory.supervisor.escalation;

public class EscalationConflictException extends RuntimeException {

    public EscalationConflictException(String message) {
        super(message);
    }
}
