package com.agentfactory.inventory.forecast;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class ForecastOverrideNotFoundException extends NotFoundException {

    ForecastOverrideNotFoundException(UUID id) {
        super("no forecast override " + id);
    }
}
