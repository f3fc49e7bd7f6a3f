package com.agentfactory.ad;

import com.agentfactory.messaging.testing.AgentContract;

class AdAgentIT extends AgentContract {

    AdAgentIT() {
        super("ad");
    }
}
