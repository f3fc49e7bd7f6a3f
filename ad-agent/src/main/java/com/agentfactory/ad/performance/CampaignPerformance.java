package com.agentfactory.ad.performance;

import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.delivery.CampaignDelivery;
import com.agentfactory.ad.delivery.DeliveryLedger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Computes campaign metrics and exports them to Prometheus, tagged by campaign id. The number of tagged campaigns
 * is bounded ({@code MAX_TAGGED}); beyond it, campaigns are only in the API.
 */
@Service
class CampaignPerformance {

    static final int MAX_TAGGED = 200;

    private final AdCampaigns campaigns;
    private final DeliveryLedger delivery;
    private final MeterRegistry registry;
    private final Map<UUID, CampaignMetrics> exported = new ConcurrentHashMap<>();

    CampaignPerformance(AdCampaigns campaigns, DeliveryLedger delivery, MeterRegistry registry) {
        this.campaigns = campaigns;
        this.delivery = delivery;
        this.registry = registry;
    }

    CampaignMetrics of(UUID campaignId) {
        return CampaignMetrics.of(campaigns.view(campaignId), delivery.of(campaignId));
    }

    List<CampaignMetrics> all() {
        Map<UUID, CampaignDelivery> delivered = delivery.all();
        return campaigns.all().stream()
                .map(c -> CampaignMetrics.of(c, delivered.getOrDefault(c.id(), CampaignDelivery.none(c.id()))))
                .toList();
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT5S")
    void export() {
        for (CampaignMetrics m : all()) {
            if (exported.containsKey(m.campaignId()) || exported.size() < MAX_TAGGED) {
                boolean first = exported.put(m.campaignId(), m) == null;
                if (first) {
                    register(m.campaignId());
                }
            }
        }
    }

    private void register(UUID id) {
        gauge("ad_campaign_spend", id, m -> m.spend().doubleValue());
        gauge("ad_campaign_impressions", id, m -> m.impressions());
        gauge("ad_campaign_clicks", id, m -> m.clicks());
        gauge("ad_campaign_conversions", id, m -> m.conversions());
        gauge("ad_campaign_win_rate", id, m -> orNaN(m.winRate()));
        gauge("ad_campaign_ctr", id, m -> orNaN(m.ctr()));
        gauge("ad_campaign_cvr", id, m -> orNaN(m.cvr()));
        gauge("ad_campaign_cpa", id, m -> m.cpa() == null ? Double.NaN : m.cpa().doubleValue());
        gauge(
                "ad_campaign_ecpc",
                id,
                m -> m.ecpc() == null ? Double.NaN : m.ecpc().doubleValue());
        gauge("ad_campaign_roas", id, m -> orNaN(m.roas()));
        gauge("ad_campaign_impression_share", id, m -> orNaN(m.impressionShare()));
    }

    private void gauge(String name, UUID id, ToDoubleFunction<CampaignMetrics> value) {
        Gauge.builder(name, exported, map -> {
                    CampaignMetrics m = map.get(id);
                    return m == null ? Double.NaN : value.applyAsDouble(m);
                })
                .tags("campaign_id", id.toString())
                .register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    Set<UUID> exportedCampaigns() {
        return exported.keySet();
    }
}
