package com.agentfactory.support;

import com.agentfactory.messaging.testing.ModularityContract;

/** The support agent's structure: one owner per state machine, the web and Kafka at the edges. */
class ModularityTest extends ModularityContract {

    ModularityTest() {
        super("com.agentfactory.support");
    }
}
