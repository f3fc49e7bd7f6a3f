package com.agentfactory.campaign.campaign;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The pause lifecycle transition as an agent task; a transition the state machine forbids fails it at once. */
@Component
class PauseCampaignTaskHandler implements TaskHandler<CampaignStepRequest, CampaignResponse> {

    private final CampaignService campaigns;

    PauseCampaignTaskHandler(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String taskType() {
        return "pause-campaign";
    }

    @Override
    public String description() {
        return "Pauses a running campaign: its journeys enrol nobody and its queued messages wait until it is"
                + " resumed with launch-campaign.";
    }

    @Override
    public CampaignStepRequest example() {
        return new CampaignStepRequest(
                UUID.fromString("0b7e3c56-59f4-4c1e-9d47-3f1f2a8c6d10"), "Complaint rate above threshold");
    }

    @Override
    public CampaignResponse handle(CampaignStepRequest input, TaskContext context) {
        return campaigns.transition(input.campaignId(), CampaignState.PAUSED, input.reason(), TaskActors.of(context));
    }
}
