package com.agentfactory.ad.allocation;

import com.agentfactory.ad.budget.SpendAllowances;
import com.agentfactory.ad.campaign.AdCampaignStatus;
import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.delivery.CampaignDelivery;
import com.agentfactory.ad.delivery.DeliveryLedger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
     * the day than the pool's daily total. What the campaigns that left the pool today used beyond their own daily
     * budgets, less what those of them that used less left unused, stays counted against the pool's day: the
     * campaigns still in it share that much less, and one left alone gets that much less than its own daily budget
     * (never less than it used itself).
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
        Map<String, BigDecimal> usedByLeavers = usedByLeavers(usedToday, byCurrency, now);
        // alone in its currency after others left its pool today, a campaign gets its own daily budget back only as
        // far as they did not spend it: what they used beyond their own budgets came out of its share of the day
        Map<UUID, Allocation> leftAlone = new TreeMap<>();
        for (List<AdCampaignView> group : byCurrency.values()) {
            BigDecimal usedByOthers = usedByLeavers.get(group.getFirst().currency());
            if (group.size() == 1 && usedByOthers != null) {
                AdCampaignView c = group.getFirst();
                BigDecimal used =
                        usedToday.getOrDefault(c.id(), BigDecimal.ZERO).setScale(2, RoundingMode.UP);
                BigDecimal left =
                        c.dailyBudget().subtract(usedByOthers).max(used).min(c.dailyBudget());
                if (left.compareTo(c.dailyBudget()) < 0) {
                    leftAlone.put(
                            c.id(),
                            new Allocation(
                                    c.id(),
                                    c.allocatedDailyBudget(),
                                    left,
                                    0,
                                    "the only campaign serving in " + c.currency() + ", its own daily budget less the "
                                            + usedByOthers.toPlainString() + " that campaigns which left its pool"
                                            + " today used beyond their own daily budgets, never below the "
                                            + used.toPlainString() + " it used today"));
                }
            }
        }
        byCurrency.values().removeIf(group -> group.size() < 2); // one campaign has nothing to share with
        Set<UUID> pooled = byCurrency.values().stream()
                .flatMap(List::stream)
                .map(AdCampaignView::id)
                .collect(Collectors.toSet());
        var allocator = new ThompsonAllocator(sampler, properties.minShare());
        UUID round = UUID.randomUUID();
        List<Allocation> all = new ArrayList<>();
        for (AdCampaignView stale : campaigns.withAllocation()) {
            if (!pooled.contains(stale.id()) && !leftAlone.containsKey(stale.id())) {
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
                                dropped.dailyBudget(),
                                false,
                                actor)));
            }
        }
        for (Allocation a : leftAlone.values()) {
            AdCampaignView c = campaigns.allocate(a.campaignId(), a.allocatedDailyBudget(), a.reason(), actor);
            all.add(record(round, a, c.dailyBudget(), true, actor));
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
            BigDecimal usedByOthers =
                    usedByLeavers.getOrDefault(group.getFirst().currency(), BigDecimal.ZERO);
            for (Allocation a : allocator.allocate(arms, usedByOthers)) {
                AdCampaignView c = campaigns.allocate(a.campaignId(), a.allocatedDailyBudget(), a.reason(), actor);
                all.add(record(round, a, c.dailyBudget(), true, actor));
            }
        }
        return all;
    }

    /**
     * Per currency, what the campaigns that held a share of a pool today but serve no more (paused, ended, past their
     * flight) used today beyond their own daily budgets, less what those of them that used less than their own
     * budgets left unused; none when they used no more than their budgets together. A pool gives a campaign more than
     * its own budget out of the others' budgets; once it leaves, the others would otherwise get their whole budgets
     * back and the pool would spend that excess twice in the day. What it took came out of the shares of the others,
     * and when those others left too without using their shares, it is not spent twice.
     */
    private Map<String, BigDecimal> usedByLeavers(
            Map<UUID, BigDecimal> usedToday, Map<String, List<AdCampaignView>> serving, Instant now) {
        Set<UUID> servingIds = serving.values().stream()
                .flatMap(List::stream)
                .map(AdCampaignView::id)
                .collect(Collectors.toSet());
        Instant dayStart = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Map<String, BigDecimal> beyond = new HashMap<>();
        // each measured against the own budget it had when it was last given a share today: one paused and then
        // given a larger budget would otherwise seem to have used less than its budget; a change that only gave a
        // campaign its own budget back (this morning's reset of one pooled yesterday) is no share of today's pool
        jdbc.query(
                """
                SELECT DISTINCT ON (c.campaign_id) c.campaign_id, a.currency,
                       COALESCE(c.own_daily_budget, a.daily_budget) AS own_budget
                  FROM ad_allocation_changes c JOIN ad_campaigns a ON a.id = c.campaign_id
                 WHERE c.occurred_at >= ? AND COALESCE(c.in_pool, TRUE)
                 ORDER BY c.campaign_id, c.occurred_at DESC, c.id
                """,
                rs -> {
                    UUID id = rs.getObject("campaign_id", UUID.class);
                    if (servingIds.contains(id)) {
                        return;
                    }
                    BigDecimal used =
                            usedToday.getOrDefault(id, BigDecimal.ZERO).setScale(2, RoundingMode.UP);
                    beyond.merge(
                            rs.getString("currency"), used.subtract(rs.getBigDecimal("own_budget")), BigDecimal::add);
                },
                Timestamp.from(dayStart));
        beyond.values().removeIf(amount -> amount.signum() <= 0);
        return beyond;
    }

    private Allocation record(UUID round, Allocation a, BigDecimal ownDailyBudget, boolean inPool, String actor) {
        jdbc.update(
                "INSERT INTO ad_allocation_changes (id, round_id, campaign_id, previous_budget, allocated_budget,"
                        + " sampled_score, reason, actor, occurred_at, own_daily_budget, in_pool)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                round,
                a.campaignId(),
                a.previousDailyBudget(),
                a.allocatedDailyBudget(),
                a.sampledScore(),
                a.reason(),
                actor,
                Timestamp.from(clock.instant()),
                ownDailyBudget,
                inPool);
        return a;
    }
}
