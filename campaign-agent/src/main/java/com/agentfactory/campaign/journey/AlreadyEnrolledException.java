package com.agentfactory.campaign.journey;

import com.agentfactory.messaging.error.ConflictException;
import java.util.UUID;

class AlreadyEnrolledException extends ConflictException {

    AlreadyEnrolledException(UUID journeyId, UUID customerId) {
        super("Customer " + customerId + " is in journey " + journeyId + " already.");
    }
}
