package com.agentfactory.campaign;

import com.agentfactory.messaging.testing.AgentContract;

class CampaignAgentIT extends AgentContract {

    CampaignAgentIT() {
        super(
                "campaign",
                "plan-campaign",
                "launch-campaign",
                "pause-campaign",
                "preview-segment",
                "enrol-customer",
                "activate-journey",
                "analyse-experiment",
                "send-test");
    }
}
