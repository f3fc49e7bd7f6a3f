package com.agentfactory.ad.allocation;

import com.agentfactory.ad.campaign.AdCampaignStatus;
import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.delivery.CampaignDelivery;
import com.agentfactory.ad.delivery.DeliveryLedger;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.math3.random.Well19937c;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reallocates the active campaigns' daily budgets, per currency, and stores every change with its reason. */
@Service
public class BudgetAllocations {

    private final AdCampaigns campaigns;
    private final DeliveryLedger delivery;
    private final JdbcTemplate jdbc;
    private final AllocationProperties properties;
    private final Clock clock;
    private final BetaSampler sampler = new BetaSampler(new Well19937c());

    BudgetAllocations(
            AdCampaigns campaigns,
            DeliveryLedger delivery,
            JdbcTemplate jdbc,
            AllocationProperties properties,
            Clock clock) {
        this.campaigns = campaigns;
        this.delivery = delivery;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${agentfactory.ad.allocation.interval}",
            initialDelayString = "${agentfactory.ad.allocation.interval}")
    void onSchedule() {
        if (properties.enabled()) {
            allocate("allocator");
        }
    }

    @Transactional
    public synchronized List<Allocation> allocate(String actor) {
        Map<UUID, CampaignDelivery> delivered = delivery.all();
        Map<String, List<AdCampaignView>> byCurrency = campaigns.withStatus(AdCampaignStatus.ACTIVE).stream()
                .collect(Collectors.groupingBy(AdCampaignView::currency));
        var allocator = new ThompsonAllocator(sampler, properties.minShare());
        UUID round = UUID.randomUUID();
        List<Allocation> all = new ArrayList<>();
        for (List<AdCampaignView> group : byCurrency.values()) {
            if (group.size() < 2) {
                continue; // one campaign has nothing to share with
            }
            var arms = group.stream()
                    .map(c -> {
                        CampaignDelivery d = delivered.getOrDefault(c.id(), CampaignDelivery.none(c.id()));
                        return new ThompsonAllocator.Arm(
                                c.id(),
                                c.dailyBudget(),
                                c.allocatedDailyBudget(),
                                d.clicks(),
                                d.conversions(),
                                d.spend(),
                                c.valuePerConversion());
                    })
                    .toList();
            for (Allocation a : allocator.allocate(arms)) {
                campaigns.allocate(a.campaignId(), a.allocatedDailyBudget(), a.reason(), actor);
                jdbc.update(
                        "INSERT INTO ad_allocation_changes (id, round_id, campaign_id, previous_budget, allocated_budget,"
                                + " sampled_score, reason, actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        UUID.randomUUID(),
                        round,
                        a.campaignId(),
                        a.previousDailyBudget(),
                        a.allocatedDailyBudget(),
                        a.sampledScore(),
                        a.reason(),
                        actor,
                        Timestamp.from(clock.instant()));
                all.add(a);
            }
        }
        return all;
    }
}
