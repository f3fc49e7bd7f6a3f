package com.agentfactory.campaign.campaign;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Plans a campaign from a goal, an audience and a channel: the REST create, as an agent task. */
@Component
class PlanCampaignTaskHandler implements TaskHandler<CreateCampaignRequest, CampaignResponse> {

    private final CampaignService campaigns;

    PlanCampaignTaskHandler(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String taskType() {
        return "plan-campaign";
    }

    @Override
    public String description() {
        return "Creates a campaign in the plan state from a goal, a segment rule and a channel.";
    }

    @Override
    public CreateCampaignRequest example() {
        return new CreateCampaignRequest(
                "Win back lapsed buyers",
                "Bring customers who ordered before but not in the last 90 days back to the store",
                "email",
                Map.of(
                        "and",
                        List.of(
                                Map.of("field", "order_count", "op", "gt", "value", 0),
                                Map.of("field", "last_order_at", "op", "lt", "value", "2026-01-01"))),
                new CampaignBudget(new BigDecimal("500.00"), "GBP"));
    }

    @Override
    public CampaignResponse handle(CreateCampaignRequest input, TaskContext context) {
        return campaigns.plan(input, TaskActors.of(context));
    }
}
