package com.agentfactory.ad.platform;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the agent needs from an ad platform (Google Ads, Meta, TikTok, LinkedIn): create a campaign there, push
 * its budget, bid factor and status, and pull what it delivered. One implementation per platform connector.
 */
public interface AdPlatform {

    /** @return the platform's id of the new campaign */
    String createCampaign(PlatformCampaign campaign);

    void pushBudget(String platformCampaignId, BigDecimal dailyBudget, String currency);

    void pushBidFactor(String platformCampaignId, BigDecimal bidFactor);

    void pushStatus(String platformCampaignId, boolean serving);

    DeliveryStats pullDeliveryStats(String platformCampaignId, LocalDate day);

    record PlatformCampaign(String platform, String name, BigDecimal dailyBudget, String currency) {}

    record DeliveryStats(long impressions, long clicks, long conversions, BigDecimal spend) {}
}
