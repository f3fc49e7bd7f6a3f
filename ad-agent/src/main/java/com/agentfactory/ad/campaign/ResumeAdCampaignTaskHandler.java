package com.agentfactory.ad.campaign;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Resumes a paused ad campaign; anything but a paused campaign fails the task as a conflict. */
@Component
class ResumeAdCampaignTaskHandler implements TaskHandler<CampaignStepRequest, AdCampaignView> {

    private final AdCampaigns campaigns;

    ResumeAdCampaignTaskHandler(AdCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String taskType() {
        return "resume-ad-campaign";
    }

    @Override
    public String description() {
        return "Resumes a paused ad campaign, which bids again within its daily budget.";
    }

    @Override
    public CampaignStepRequest example() {
        return new CampaignStepRequest(
                UUID.fromString("5f0c1b7e-2a4d-4c8e-9b1a-6d3e2f1a0b9c"), "Creative fixed, CPA back on target");
    }

    @Override
    public AdCampaignView handle(CampaignStepRequest input, TaskContext context) {
        return campaigns.resume(input.campaignId(), input.reason(), TaskActors.of(context));
    }
}
