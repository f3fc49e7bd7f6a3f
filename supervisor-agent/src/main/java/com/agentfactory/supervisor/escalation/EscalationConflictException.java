package com.agentfactory.supervisor.escalation;

import com.agentfactory.messaging.error.ConflictException;

/** The escalation is resolved already, or claimed by someone else. */
class EscalationConflictException extends ConflictException {

    EscalationConflictException(String message) {
        super(message);
    }
}
