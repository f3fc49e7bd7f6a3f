package com.agentfactory.campaign.consent;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class SuppressionNotFoundException extends NotFoundException {

    SuppressionNotFoundException(UUID customerId, String channel) {
        super("Customer " + customerId + " is not suppressed on " + channel + ".");
    }
}
