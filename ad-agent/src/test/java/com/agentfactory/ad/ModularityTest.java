package com.agentfactory.ad;

import com.agentfactory.messaging.testing.ModularityContract;

/** The structure of the ad agent: feature packages without cycles, the web and Kafka at the edges. */
class ModularityTest extends ModularityContract {

    ModularityTest() {
        super("com.agentfactory.ad");
    }
}
