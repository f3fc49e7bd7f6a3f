package com.agentfactory.ad.campaign;

import java.util.UUID;

/** A creative with its bandit statistics, as the bid path and the API read it. */
public record CreativeView(
        UUID id,
        UUID campaignId,
        UUID adGroupId,
        String name,
        int width,
        int height,
        String landingDomain,
        CreativeStatus status,
        long impressions,
        long clicks) {

    public boolean isActive() {
        return status == CreativeStatus.ACTIVE;
    }
}
