package com.agentfactory.ad.delivery;

import java.math.BigDecimal;
import java.util.UUID;

/** A campaign's delivery counters since it started. */
public record CampaignDelivery(
        UUID campaignId,
        long bids,
        long eligible,
        long impressions,
        long clicks,
        long conversions,
        BigDecimal spend,
        BigDecimal revenue) {

    public static CampaignDelivery none(UUID campaignId) {
        return new CampaignDelivery(campaignId, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
