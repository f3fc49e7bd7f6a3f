package com.agentfactory.supervisor.escalation;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class EscalationNotFoundException extends NotFoundException {

    EscalationNotFoundException(UUID id) {
        super("No escalation with id " + id);
    }
}
