package com.agentfactory.campaign.campaign;

import com.agentfactory.campaign.segment.SegmentRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A campaign as the API shows it, with the states it may move to next. */
record CampaignResponse(
        UUID id,
        String name,
        String goal,
        String channel,
        Map<String, Object> segmentRule,
        CampaignBudget budget,
        String state,
        List<String> allowedTransitions,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static CampaignResponse of(Campaign campaign) {
        return new CampaignResponse(
                campaign.id(),
                campaign.name(),
                campaign.goal(),
                campaign.channel(),
                campaign.segmentRule() == null ? null : SegmentRules.fromJson(campaign.segmentRule()),
                campaign.budget(),
                campaign.state().wireName(),
                CampaignLifecycle.allowedFrom(campaign.state()).stream()
                        .map(CampaignState::wireName)
                        .toList(),
                campaign.createdBy(),
                campaign.createdAt(),
                campaign.updatedAt());
    }
}
