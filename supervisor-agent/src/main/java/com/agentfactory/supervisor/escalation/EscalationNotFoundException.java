package com.agentfactory.supervisor.escalation;

import java.util.UUID;

public class EscalationNotFoundException extends RuntimeException {

    public EscalationNotFoundException(UUID id) {
        super("No escalation with id " + id);
    }
}
