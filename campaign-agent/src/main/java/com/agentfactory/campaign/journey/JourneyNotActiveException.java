package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.error.ConflictException;
import java.util.UUID;

class JourneyNotActiveException extends ConflictException {

    JourneyNotActiveException(UUID id) {
        super("Journey " + id + " is not active; activate it before enrolling customers.");
    }
}
