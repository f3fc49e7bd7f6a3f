package com.agentfactory.ad.allocation;

import com.agentfactory.ad.budget.SpendAllowances;
import com.agentfactory.ad.campaign.AdCampaignStatus;
import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.delivery.CampaignDelivery;
import com.agentfactory.ad.delivery.DeliveryLedger;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.math3.random.Well19937c;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reallocates the serving campaigns' daily budgets, per currency, and stores every change with its reason. */
@Service
public class BudgetAllocations {

    private final AdCampaigns campaigns;
    private final DeliveryLedger delivery;
    private final SpendAllowances allowances;
    private final JdbcTemplate jdbc;
    private final AllocationProperties properties;
    private final Clock clock;
    private final BetaSampler sampler = new BetaSampler(new Well19937c());

    BudgetAllocations(
            AdCampaigns campaigns,
            DeliveryLedger delivery,
            SpendAllowances allowances,
            JdbcTemplate jdbc,
            AllocationProperties properties,
            Clock clock) {
        this.campaigns = campaigns;
        this.delivery = delivery;
        this.allowances = allowances;
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

    /**
     * One round: the campaigns serving now (active and within their flight dates) share their daily budgets per
     * currency; a campaign that holds an allocation but is in no pool this round (it serves alone in its currency,
     * or not at all) gets its own daily budget back, recorded in the round like any other change. A campaign's share
     * is never below what it already reserved or spent today, so the pool's campaigns together never hold more of
     * the day than the pool's daily total.
     */
    @Transactional
    public synchronized List<Allocation> allocate(String actor) {
        Instant now = clock.instant();
        // locked before they are read, until the round commits: a campaign paused, ended or given a new budget
        // while the round ran would otherwise be given a share computed from what it was, and its budget would be
        // shared out to the others of its pool
        List<AdCampaignView> active = campaigns.lockWithStatus(AdCampaignStatus.ACTIVE);
        Map<UUID, CampaignDelivery> delivered = delivery.all();
        // read under the campaigns' locks: a tranche is recorded under its campaign's lock too, so none is recorded
        // against the share this round replaces once the round has read what was used
        Map<UUID, BigDecimal> usedToday = allowances.usedToday();
        Map<String, List<AdCampaignView>> byCurrency = active.stream()
                .filter(c -> c.isServing(now))
                .collect(Collectors.groupingBy(AdCampaignView::currency, TreeMap::new, Collectors.toList()));
        byCurrency.values().removeIf(group -> group.size() < 2); // one campaign has nothing to share with
        Set<UUID> pooled = byCurrency.values().stream()
                .flatMap(List::stream)
                .map(AdCampaignView::id)
                .collect(Collectors.toSet());
        var allocator = new ThompsonAllocator(sampler, properties.minShare());
        UUID round = UUID.randomUUID();
        List<Allocation> all = new ArrayList<>();
        for (AdCampaignView stale : campaigns.withAllocation()) {
            if (!pooled.contains(stale.id())) {
                String reason = stale.isServing(now)
                        ? "the only campaign serving in " + stale.currency() + ": no pool to share, its own daily"
                                + " budget again"
                        : "not serving now (" + stale.status() + ", or outside its flight dates): no longer in a"
                                + " pool, its own daily budget again";
                campaigns
                        .dropAllocation(stale.id(), reason, actor)
                        .ifPresent(dropped -> all.add(record(
                                round,
                                new Allocation(
                                        dropped.id(), stale.allocatedDailyBudget(), dropped.dailyBudget(), 0, reason),
                                actor)));
            }
        }
        for (List<AdCampaignView> group : byCurrency.values()) {
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
                                c.valuePerConversion(),
                                usedToday.getOrDefault(c.id(), BigDecimal.ZERO));
                    })
                    .toList();
            for (Allocation a : allocator.allocate(arms)) {
                campaigns.allocate(a.campaignId(), a.allocatedDailyBudget(), a.reason(), actor);
                all.add(record(round, a, actor));
            }
        }
        return all;
    }

    private Allocation record(UUID round, Allocation a, String actor) {
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
        return a;
    }
}
