package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.error.ConflictException;
import java.util.UUID;

/**
 * A journey that has ever been activated keeps its definition: enrolments point at its steps by id, and every
 * agent instance keeps the compiled journey once it has run it.
 */
class JourneyNotEditableException extends ConflictException {

    JourneyNotEditableException(UUID id) {
        super("Journey " + id + " has been activated, so customers or running agents may hold its steps;"
                + " save the new version as a new journey.");
    }
}
