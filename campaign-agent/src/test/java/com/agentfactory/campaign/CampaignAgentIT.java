package com.agentfactory.campaign;

import com.agentfactory.messaging.testing.AgentContract;

class CampaignAgentIT extends AgentContract {

    CampaignAgentIT() {
        super("campaign");
    }
}
