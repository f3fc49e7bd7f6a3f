package com.agentfactory.recommendation.recommendation;

import java.util.UUID;

public class NoAbandonedCartException extends RuntimeException {

    NoAbandonedCartException(UUID userId) {
        super("No abandoned cart of user " + userId);
    }
}
