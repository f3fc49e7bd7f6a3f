package com.agentfactory.recommendation;

import com.agentfactory.messaging.testing.AgentContract;

class RecommendationAgentIT extends AgentContract {

    RecommendationAgentIT() {
        super("recommendation");
    }
}
