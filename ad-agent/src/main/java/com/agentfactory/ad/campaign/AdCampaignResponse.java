package com.agentfactory.ad.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign as the API shows it, with its ad groups, creatives and the statuses it may move to next. */
record AdCampaignResponse(
        UUID id,
        String name,
        AdPlatformName platform,
        String platformCampaignId,
        AdCampaignStatus status,
        List<AdCampaignStatus> allowedTransitions,
        BigDecimal dailyBudget,
        BigDecimal totalBudget,
        String currency,
        BigDecimal allocatedDailyBudget,
        BigDecimal targetCpa,
        BigDecimal targetRoas,
        BigDecimal valuePerConversion,
        BigDecimal bidFactor,
        Instant startsAt,
        Instant endsAt,
        List<AdGroupResponse> adGroups,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    record AdGroupResponse(UUID id, String name, List<String> regions, List<CreativeView> creatives) {}

    static AdCampaignResponse of(AdCampaign campaign, List<AdGroupResponse> groups) {
        AdCampaignView v = campaign.view();
        return new AdCampaignResponse(
                v.id(),
                v.name(),
                v.platform(),
                v.platformCampaignId(),
                v.status(),
                v.status().allowedNext(),
                v.dailyBudget(),
                v.totalBudget(),
                v.currency(),
                v.allocatedDailyBudget(),
                v.targetCpa(),
                v.targetRoas(),
                v.valuePerConversion(),
                v.bidFactor(),
                v.startsAt(),
                v.endsAt(),
                groups,
                campaign.createdBy(),
                campaign.createdAt(),
                campaign.updatedAt());
    }
}
