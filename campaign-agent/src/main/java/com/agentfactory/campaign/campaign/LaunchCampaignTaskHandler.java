package com.agentfactory.campaign.campaign;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The launch lifecycle transition as an agent task; a transition the state machine forbids fails it at once. */
@Component
class LaunchCampaignTaskHandler implements TaskHandler<CampaignStepRequest, CampaignResponse> {

    private final CampaignService campaigns;

    LaunchCampaignTaskHandler(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String taskType() {
        return "launch-campaign";
    }

    @Override
    public String description() {
        return "Launches a tested campaign, or resumes a paused one.";
    }

    @Override
    public CampaignStepRequest example() {
        return new CampaignStepRequest(
                UUID.fromString("0b7e3c56-59f4-4c1e-9d47-3f1f2a8c6d10"), "Test sends approved by marketing");
    }

    @Override
    public CampaignResponse handle(CampaignStepRequest input, TaskContext context) {
        return campaigns.transition(input.campaignId(), CampaignState.LAUNCH, input.reason(), TaskActors.of(context));
    }
}
