package com.agentfactory.ad;

import com.agentfactory.messaging.testing.AgentContract;

class AdAgentIT extends AgentContract {

    AdAgentIT() {
        super(
                "ad",
                "optimize-bids",
                "allocate-budget",
                "report-campaign-performance",
                "pause-ad-campaign",
                "resume-ad-campaign");
    }
}
