package com.agentfactory.ad.simulation;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class SimulationRunNotFoundException extends NotFoundException {

    SimulationRunNotFoundException(UUID id) {
        super("Simulation run " + id + " not found.");
    }
}
