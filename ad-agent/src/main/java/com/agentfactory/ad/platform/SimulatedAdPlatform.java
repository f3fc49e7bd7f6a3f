package com.agentfactory.ad.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the real ad platforms, which no network reaches here: it keeps what was pushed in memory and
 * reports no delivery of its own, because in this platform delivery comes through the agent's own bid API (the
 * simulated exchange). Not a connector: a real one would call the vendor's API with the same calls.
 */
@Component
public class SimulatedAdPlatform implements AdPlatform {

    private final Map<String, PushedState> campaigns = new ConcurrentHashMap<>();

    @Override
    public String createCampaign(PlatformCampaign campaign) {
        String id = "sim-" + campaign.platform().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
        campaigns.put(id, new PushedState(campaign.dailyBudget(), campaign.currency(), BigDecimal.ONE, false));
        return id;
    }

    @Override
    public void pushBudget(String platformCampaignId, BigDecimal dailyBudget, String currency) {
        campaigns.computeIfPresent(
                platformCampaignId, (id, s) -> new PushedState(dailyBudget, currency, s.bidFactor(), s.serving()));
    }

    @Override
    public void pushBidFactor(String platformCampaignId, BigDecimal bidFactor) {
        campaigns.computeIfPresent(
                platformCampaignId, (id, s) -> new PushedState(s.dailyBudget(), s.currency(), bidFactor, s.serving()));
    }

    @Override
    public void pushStatus(String platformCampaignId, boolean serving) {
        campaigns.computeIfPresent(
                platformCampaignId, (id, s) -> new PushedState(s.dailyBudget(), s.currency(), s.bidFactor(), serving));
    }

    @Override
    public DeliveryStats pullDeliveryStats(String platformCampaignId, LocalDate day) {
        return new DeliveryStats(0, 0, 0, BigDecimal.ZERO);
    }

    /** What the platform was last told about a campaign; for tests and the demo. */
    public PushedState state(String platformCampaignId) {
        return campaigns.get(platformCampaignId);
    }

    public record PushedState(BigDecimal dailyBudget, String currency, BigDecimal bidFactor, boolean serving) {}
}
