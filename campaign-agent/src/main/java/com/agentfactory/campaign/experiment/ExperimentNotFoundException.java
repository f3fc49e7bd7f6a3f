package com.agentfactory.campaign.experiment;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class ExperimentNotFoundException extends NotFoundException {

    ExperimentNotFoundException(UUID id) {
        super("Experiment " + id + " not found.");
    }
}
