package com.agentfactory.finance;

import com.agentfactory.messaging.testing.ModularityContract;

/** The structure of the finance service: feature packages without cycles, the web and Kafka at the edges. */
class ModularityTest extends ModularityContract {

    ModularityTest() {
        super("com.agentfactory.finance");
    }
}
