package com.agentfactory.supervisor;

import com.agentfactory.messaging.testing.ModularityContract;

/** The structure of the supervisor: feature packages without cycles, the web and Kafka at the edges. */
class ModularityTest extends ModularityContract {

    ModularityTest() {
        super("com.agentfactory.supervisor");
    }
}
