package com.agentfactory.campaign.consent;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class CustomerNotKnownException extends NotFoundException {

    CustomerNotKnownException(UUID customerId) {
        super("Customer " + customerId + " is not known to the campaign agent.");
    }
}
