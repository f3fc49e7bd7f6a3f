package com.agentfactory.inventory;

import com.agentfactory.messaging.testing.AgentContract;

class InventoryAgentIT extends AgentContract {

    InventoryAgentIT() {
        super("inventory");
    }
}
