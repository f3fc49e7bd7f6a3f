package com.agentfactory.support;

import com.agentfactory.messaging.testing.AgentContract;

class SupportAgentIT extends AgentContract {

    SupportAgentIT() {
        super(
                "support",
                "answer-customer-message",
                "handle-complaint",
                "order-status-inquiry",
                "process-return-request");
    }
}
