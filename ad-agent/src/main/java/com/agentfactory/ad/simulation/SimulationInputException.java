package com.agentfactory.ad.simulation;

/** A malformed auction log, statistics file or flag: reported to the user as one line, never as a stack trace. */
final class SimulationInputException extends RuntimeException {

    SimulationInputException(String message) {
        super(message);
    }
}
