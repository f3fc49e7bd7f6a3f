package com.agentfactory.ad;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.AgentContract;
import org.springframework.test.context.TestPropertySource;

// application.yml names no exchange and no win-notice secret: each deployment sets its own, and so does this test
@TestPropertySource(
        properties = {
            "agentfactory.ad.exchange.keys.test=" + AdIntegrationTest.EXCHANGE_KEY_SHA256,
            "agentfactory.ad.exchange.win-notice.secret=ad-agent-contract-test-win-notice-secret",
            // this application stays alive beside the other tests' on the same database
            AdIntegrationTest.NO_KEEPER_PASSES_OF_ITS_OWN,
            AdIntegrationTest.NO_ALLOCATION_ROUNDS_OF_ITS_OWN
        })
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
