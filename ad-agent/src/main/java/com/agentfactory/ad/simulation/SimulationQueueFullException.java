package com.agentfactory.ad.simulation;

import com.agentfactory.messaging.error.ConflictException;

/** As many runs wait as may: one more would only wait longer behind them, so it is refused until some have run. */
class SimulationQueueFullException extends ConflictException {

    SimulationQueueFullException(int maxQueued) {
        super(maxQueued + " simulation runs are already queued, as many as may wait at once; ask again when some"
                + " of them have run.");
    }
}
