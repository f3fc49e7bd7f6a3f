package com.agentfactory.inventory.promotion;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class PromotionNotFoundException extends NotFoundException {

    PromotionNotFoundException(UUID id) {
        super("no promotion " + id);
    }
}
