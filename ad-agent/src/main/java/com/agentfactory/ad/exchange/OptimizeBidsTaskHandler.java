package com.agentfactory.ad.exchange;

import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.campaign.TaskActors;
import com.agentfactory.ad.delivery.DeliveryLedger;
import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Moves one campaign's bid factor towards its CPA or ROAS target; the change and its reason are audited. */
@Component
class OptimizeBidsTaskHandler implements TaskHandler<OptimizeBidsTaskHandler.Request, OptimizeBidsTaskHandler.Result> {

    record Request(@NotNull UUID campaignId) {}

    record Result(
            UUID campaignId, BigDecimal previousBidFactor, BigDecimal bidFactor, boolean changed, String reason) {}

    private final AdCampaigns campaigns;
    private final DeliveryLedger delivery;

    OptimizeBidsTaskHandler(AdCampaigns campaigns, DeliveryLedger delivery) {
        this.campaigns = campaigns;
        this.delivery = delivery;
    }

    @Override
    public String taskType() {
        return "optimize-bids";
    }

    @Override
    public String description() {
        return "Sets an ad campaign's bid factor from its CPA or ROAS against its target, with the reason.";
    }

    @Override
    public Request example() {
        return new Request(UUID.fromString("5f0c1b7e-2a4d-4c8e-9b1a-6d3e2f1a0b9c"));
    }

    @Override
    public Result handle(Request input, TaskContext context) {
        AdCampaignView campaign = campaigns.view(input.campaignId());
        var decision = BidFactorOptimizer.decide(campaign, delivery.of(campaign.id()));
        if (decision.changed()) {
            campaigns.changeBidFactor(campaign.id(), decision.factor(), decision.reason(), TaskActors.of(context));
        }
        return new Result(campaign.id(), decision.previous(), decision.factor(), decision.changed(), decision.reason());
    }
}
