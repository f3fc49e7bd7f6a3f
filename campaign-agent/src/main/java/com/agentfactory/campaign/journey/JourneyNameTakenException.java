package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.error.ConflictException;

class JourneyNameTakenException extends ConflictException {

    JourneyNameTakenException(String name) {
        super("A journey named '" + name + "' already exists.");
    }
}
