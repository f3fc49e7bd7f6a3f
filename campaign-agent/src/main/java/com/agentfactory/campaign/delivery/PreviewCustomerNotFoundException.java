package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class PreviewCustomerNotFoundException extends NotFoundException {

    PreviewCustomerNotFoundException(UUID customerId) {
        super("no customer " + customerId + " is known to the campaign agent");
    }
}
