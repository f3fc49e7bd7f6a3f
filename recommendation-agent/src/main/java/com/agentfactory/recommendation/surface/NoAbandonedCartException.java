package com.agentfactory.recommendation.surface;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class NoAbandonedCartException extends NotFoundException {

    NoAbandonedCartException(UUID userId) {
        super("No abandoned cart of user " + userId);
    }
}
