package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class JourneyNotFoundException extends NotFoundException {

    JourneyNotFoundException(UUID id) {
        super("Journey " + id + " not found.");
    }
}
