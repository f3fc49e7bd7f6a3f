package com.agentfactory.campaign;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.testing.AgentContract;
import org.springframework.test.context.TestPropertySource;

// application.yml has no unsubscribe, tracking or webhook secret: each deployment sets its own, and so does this test
@TestPropertySource(
        properties = {
            "agentfactory.campaign.delivery.unsubscribe-secret=" + CampaignIntegrationTest.UNSUBSCRIBE_SECRET,
            "agentfactory.campaign.delivery.tracking-secret=" + CampaignIntegrationTest.TRACKING_SECRET,
            "agentfactory.campaign.delivery.webhook-signing-secret=" + CampaignIntegrationTest.WEBHOOK_SECRET
        })
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
