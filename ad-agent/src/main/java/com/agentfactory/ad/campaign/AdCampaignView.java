package com.agentfactory.ad.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A campaign as the other features of the agent read it; a value, detached from persistence. */
public record AdCampaignView(
        UUID id,
        String name,
        AdPlatformName platform,
        String platformCampaignId,
        AdCampaignStatus status,
        BigDecimal dailyBudget,
        BigDecimal totalBudget,
        String currency,
        BigDecimal allocatedDailyBudget,
        BigDecimal targetCpa,
        BigDecimal targetRoas,
        BigDecimal valuePerConversion,
        BigDecimal bidFactor,
        Instant startsAt,
        Instant endsAt) {

    /** What the campaign may spend today: the allocator's share when it made one, else its own daily budget. */
    public BigDecimal effectiveDailyBudget() {
        return allocatedDailyBudget == null ? dailyBudget : allocatedDailyBudget;
    }

    public boolean isActive() {
        return status == AdCampaignStatus.ACTIVE;
    }

    /** Active and within its flight dates. */
    public boolean isServing(Instant now) {
        return isActive() && !now.isBefore(startsAt) && (endsAt == null || now.isBefore(endsAt));
    }
}
