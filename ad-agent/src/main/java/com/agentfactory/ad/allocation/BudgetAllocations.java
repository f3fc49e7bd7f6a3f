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
     * the day than the pool's daily total. What the campaigns that left the pool today used beyond the sum of their own
     * daily budgets stays counted against the pool's day: the campaigns still in it share that much less, and one
     * left alone gets that much less than its own daily budget (never less than it used itself).
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
        Map<String, BigDecimal> usedByLeavers = usedByLeavers(usedToday, byCurrency);
        Map<UUID, Allocation> leftAlone = leftAlone(byCurrency, usedByLeavers, usedToday);
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
                                stale.isServing(now),
                                actor)));
            }
        }
        for (Allocation a : leftAlone.values()) {
            AdCampaignView c = campaigns.allocate(a.campaignId(), a.allocatedDailyBudget(), a.reason(), actor);
            all.add(record(round, a, c.dailyBudget(), true, true, actor));
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
                all.add(record(round, a, c.dailyBudget(), true, true, actor));
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
     * and when those others left too without using their shares, it is not spent twice. A share held when the day
     * began counts as one given today: it was spent from today's allowance until today's first round.
     */
    private Map<String, BigDecimal> usedByLeavers(
            Map<UUID, BigDecimal> usedToday, Map<String, List<AdCampaignView>> serving) {
        Set<UUID> servingIds = serving.values().stream()
                .flatMap(List::stream)
                .map(AdCampaignView::id)
                .collect(Collectors.toSet());
        Timestamp dayStart = Timestamp.from(allowances.todayStart());
        Map<String, BigDecimal> beyond = new HashMap<>();
        // each measured against the own budget it had when it was last given a share today: one paused and then
        // given a larger budget would otherwise seem to have used less than its budget; a change that only gave a
        // campaign its own budget back (this morning's reset of one pooled yesterday) is no share of today's pool.
        // The shares of yesterday's last round were still held at midnight: one that stopped serving before today's
        // first round spent today under it, while one that round gave its own budget back as it served on spends
        // that budget from then on, like one never pooled.
        jdbc.query(
                """
                WITH carried AS (
                    SELECT c.campaign_id, c.own_daily_budget, c.occurred_at, c.id
                      FROM ad_allocation_changes c
                     WHERE c.round_id = (SELECT round_id FROM ad_allocation_changes WHERE occurred_at < ?
                                          ORDER BY occurred_at DESC LIMIT 1)
                       AND c.in_pool
                       AND NOT EXISTS (SELECT 1 FROM ad_allocation_changes r
                                        WHERE r.campaign_id = c.campaign_id AND r.occurred_at >= ?
                                          AND NOT r.in_pool AND r.serving IS NOT FALSE)
                ), shares AS (
                    SELECT campaign_id, own_daily_budget, occurred_at, id
                      FROM ad_allocation_changes
                     WHERE occurred_at >= ? AND COALESCE(in_pool, TRUE)
                    UNION ALL
                    SELECT * FROM carried
                )
                SELECT DISTINCT ON (s.campaign_id) s.campaign_id, a.currency,
                       COALESCE(s.own_daily_budget, a.daily_budget) AS own_budget
                  FROM shares s JOIN ad_campaigns a ON a.id = s.campaign_id
                 ORDER BY s.campaign_id, s.occurred_at DESC, s.id
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
                dayStart,
                dayStart,
                dayStart);
        beyond.values().removeIf(amount -> amount.signum() <= 0);
        return beyond;
    }

    /**
     * The campaigns alone in their currency after others left their pool today: each gets its own daily budget back
     * only as far as the leavers did not spend it, since what they used beyond their own budgets came out of its
     * share of the day; never below what it used itself. One whose own budget is left whole is not among them.
     */
    private Map<UUID, Allocation> leftAlone(
            Map<String, List<AdCampaignView>> byCurrency,
            Map<String, BigDecimal> usedByLeavers,
            Map<UUID, BigDecimal> usedToday) {
        Map<UUID, Allocation> leftAlone = new TreeMap<>();
        for (List<AdCampaignView> group : byCurrency.values()) {
            BigDecimal usedByOthers = usedByLeavers.get(group.getFirst().currency());
            if (group.size() != 1 || usedByOthers == null) {
                continue;
            }
            AdCampaignView c = group.getFirst();
            BigDecimal used = usedToday.getOrDefault(c.id(), BigDecimal.ZERO).setScale(2, RoundingMode.UP);
            BigDecimal left = c.dailyBudget().subtract(usedByOthers).max(used).min(c.dailyBudget());
            if (left.compareTo(c.dailyBudget()) < 0) {
                leftAlone.put(
                        c.id(),
                        new Allocation(
                                c.id(),
                                c.allocatedDailyBudget(),
                                left,
                                0,
                                "the only campaign serving in " + c.currency() + ", its own daily budget less the "
                                        + usedByOthers.toPlainString() + " that campaigns which left its pool today"
                                        + " used beyond the sum of their own daily budgets, never below the "
                                        + used.toPlainString() + " it used today"));
            }
        }
        return leftAlone;
    }

    private Allocation record(
            UUID round, Allocation a, BigDecimal ownDailyBudget, boolean inPool, boolean serving, String actor) {
        jdbc.update(
                "INSERT INTO ad_allocation_changes (id, round_id, campaign_id, previous_budget, allocated_budget,"
                        + " sampled_score, reason, actor, occurred_at, own_daily_budget, in_pool, serving)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                inPool,
                serving);
        return a;
    }
}
