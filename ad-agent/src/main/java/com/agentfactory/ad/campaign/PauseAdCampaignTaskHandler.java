package com.agentfactory.ad.campaign;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Pauses an active ad campaign: it stops bidding and its unspent allowance goes back to finance. */
@Component
class PauseAdCampaignTaskHandler implements TaskHandler<CampaignStepRequest, AdCampaignView> {

    private final AdCampaigns campaigns;

    PauseAdCampaignTaskHandler(AdCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String taskType() {
        return "pause-ad-campaign";
    }

    @Override
    public String description() {
        return "Pauses an active ad campaign; it stops bidding and its unspent budget reservation is released.";
    }

    @Override
    public CampaignStepRequest example() {
        return new CampaignStepRequest(UUID.fromString("5f0c1b7e-2a4d-4c8e-9b1a-6d3e2f1a0b9c"), "CPA above target");
    }

    @Override
    public AdCampaignView handle(CampaignStepRequest input, TaskContext context) {
        return campaigns.changeStatus(
                input.campaignId(), AdCampaignStatus.PAUSED, input.reason(), TaskActors.of(context));
    }
}
