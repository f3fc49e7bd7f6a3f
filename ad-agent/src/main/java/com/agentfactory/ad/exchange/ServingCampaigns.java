package com.agentfactory.ad.exchange;

import com.agentfactory.ad.budget.SpendAllowances;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.campaign.AdCampaignsChanged;
import com.agentfactory.ad.campaign.ServingCampaign;
import com.agentfactory.ad.delivery.CampaignDelivery;
import com.agentfactory.ad.delivery.DeliveryLedger;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the bid path's snapshot of serving campaigns: campaigns, creatives, delivery and today's allowances are read
 * from the database on a schedule and after any campaign change, never per bid request. The bid path's in-memory
 * counts (eligible requests, bids) are flushed to the delivery ledger on each refresh. What the bids whose wins may
 * still come could cost is subtracted from what the allowances have left (see {@link ClaimHold}): their wins would
 * otherwise together spend the remaining allowance many times over.
 *
 * <p>Other replicas bid against the same allowances, and their bids are not in this one's counters: each replica
 * bids only against its lease of a campaign's allowance (see {@link AllowanceLeases}), topped up, renewed and given
 * back on refresh, never on the bid path, and given back on shutdown.
 */
@Component
class ServingCampaigns {

    private static final Logger log = LoggerFactory.getLogger(ServingCampaigns.class);

    /**
     * The refresh intervals over which what a replica's bids on a campaign claimed tells what its lease needs. They
     * are intervals of time, not refreshes: a campaign change refreshes at once, and an allocation round changes
     * every campaign in one commit, so refreshes by the count would fill the window within milliseconds.
     */
    private static final int RECENT_REFRESHES = 5;
    /** A lease is kept up to this many times what its bids claimed over the recent intervals, at most the share. */
    private static final int NEED_FACTOR = 4;
    /**
     * An idle lease keeps this fraction of the share, so that bids coming back find some of it at once; what they
     * claim raises the lease again, by {@link #NEED_FACTOR} per refresh interval.
     */
    private static final int IDLE_DIVISOR = 8;

    private final AdCampaigns campaigns;
    private final DeliveryLedger delivery;
    private final SpendAllowances allowances;
    private final MarketModels markets;
    private final Clock clock;
    private final ClaimHold claims;
    private final AllowanceLeases leases;
    private final AllowanceLeaseProperties leasing;
    private final Duration hold;
    /** The shortest interval whose claims are counted in {@link #recentClaims}: the scheduled refreshes' interval. */
    private final Duration refreshInterval;
    /** Names this replica's leases; the first eight hex digits of its bid ids, so a win finds its bid's lease. */
    private final String replica;

    private final Map<UUID, ServingSnapshot.Counters> counters = new ConcurrentHashMap<>();
    private volatile ServingSnapshot snapshot = ServingSnapshot.EMPTY;
    /** Set on shutdown, once the leases are given back: a refresh would lease again. */
    private boolean closed;
    /** The day of the last refresh: on the first of a new day, leases of days before that have ended are forgotten. */
    private LocalDate leasesOf;
    /**
     * Per campaign, what its bids claimed in each of the last intervals of at least {@link #refreshInterval}, newest
     * last, while this replica holds a lease of it: nothing claimed over {@link #RECENT_REFRESHES} of them and the
     * lease shrinks, so replicas getting no bid traffic (failing readiness, say) do not hold the allowance away from
     * the one bid on.
     */
    private final Map<UUID, ArrayDeque<Long>> recentClaims = new HashMap<>();
    /**
     * Per campaign, {@link ServingSnapshot.Counters#offeredMicros} when its current interval began, with what the
     * refreshes since gave back: claims beyond it are its bids'.
     */
    private final Map<UUID, Long> offeredAtIntervalStart = new HashMap<>();
    /** Per campaign, when its current interval began. */
    private final Map<UUID, Instant> intervalStart = new HashMap<>();

    @Autowired
    ServingCampaigns(
            AdCampaigns campaigns,
            DeliveryLedger delivery,
            SpendAllowances allowances,
            MarketModels markets,
            WinNoticeProperties winNotices,
            ExchangeProperties exchange,
            AllowanceLeases leases,
            AllowanceLeaseProperties leasing,
            Clock clock) {
        this(
                campaigns,
                delivery,
                allowances,
                markets,
                winNotices,
                exchange.refreshInterval(),
                leases,
                leasing,
                BidDecider.REPLICA,
                clock);
    }

    /**
     * @param refreshInterval the scheduled refreshes' interval
     * @param replica the replica whose bids this view decides: eight hex digits
     */
    ServingCampaigns(
            AdCampaigns campaigns,
            DeliveryLedger delivery,
            SpendAllowances allowances,
            MarketModels markets,
            WinNoticeProperties winNotices,
            Duration refreshInterval,
            AllowanceLeases leases,
            AllowanceLeaseProperties leasing,
            String replica,
            Clock clock) {
        if (leasing.ttl().compareTo(winNotices.claimHold().multipliedBy(2)) <= 0) {
            // renewed at half its time and bid on until one hold before it ends: shorter, it would lapse in use
            throw new IllegalArgumentException("the lease ttl must be more than twice the claim hold ("
                    + winNotices.claimHold() + "), not " + leasing.ttl());
        }
        this.campaigns = campaigns;
        this.delivery = delivery;
        this.allowances = allowances;
        this.markets = markets;
        this.clock = clock;
        this.hold = winNotices.claimHold();
        this.refreshInterval = refreshInterval;
        this.claims = new ClaimHold(hold, clock);
        this.leases = leases;
        this.leasing = leasing;
        this.replica = replica;
    }

    ServingSnapshot current() {
        return snapshot;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onCampaignsChanged(AdCampaignsChanged changed) {
        refresh();
    }

    /** Only after the commit: a win the allowances read next do not count yet must stay held. */
    @TransactionalEventListener
    void onOwnBidWon(Deliveries.OwnBidWon won) {
        claims.ownWinRecorded(won.campaignId(), won.bidAt(), won.claimMicros());
    }

    @Scheduled(
            fixedDelayString = "${agentfactory.ad.exchange.refresh-interval}",
            initialDelayString = "${agentfactory.ad.exchange.refresh-interval}")
    synchronized void refresh() {
        if (closed) {
            return;
        }
        try {
            flushCounts();
            Map<UUID, CampaignDelivery> delivered = delivery.all();
            // read before the allowances and leases: a bid or a win after this is not in what they show
            Map<UUID, Long> accounted = claims.accounted(counters);
            Map<UUID, SpendAllowances.Allowance> today = allowances.todays();
            LocalDate day = allowances.today();
            if (!day.equals(leasesOf)) {
                leases.forgetBefore(day, clock.instant());
                leasesOf = day;
            }
            Map<UUID, AllowanceLeases.Lease> leased = new HashMap<>(leases.of(replica, day));
            Map<UUID, BigDecimal> leasedByAll = leases.inForce(day, clock.instant());
            Map<UUID, ServingSnapshot.Entry> previous = new HashMap<>();
            for (ServingSnapshot.Entry entry : snapshot.entries()) {
                previous.put(entry.id(), entry);
            }
            Instant refreshedAt = clock.instant();
            Map<UUID, Long> intervalBaselines = new HashMap<>();
            long impressions = 0;
            long clicks = 0;
            long conversions = 0;
            for (CampaignDelivery d : delivered.values()) {
                impressions += d.impressions();
                clicks += d.clicks();
                // conversions counted before each needed a click may outnumber them: a rate above 1 would raise bids
                conversions += Math.min(d.conversions(), d.clicks());
            }
            List<ServingSnapshot.Entry> entries = new ArrayList<>();
            for (ServingCampaign serving : campaigns.serving()) {
                if (!serving.campaign().isServing(clock.instant())) {
                    continue;
                }
                UUID id = serving.campaign().id();
                CampaignDelivery d = delivered.getOrDefault(id, CampaignDelivery.none(id));
                SpendAllowances.Allowance allowance = today.get(id);
                ServingSnapshot.Counters counts = counters.computeIfAbsent(id, k -> new ServingSnapshot.Counters());
                countClaims(id, counts, refreshedAt, intervalBaselines);
                long closed = allowance == null ? 0 : closeSettledSince(previous.get(id), allowance);
                if (closed > 0) {
                    // no bid claimed it: neither held against the lease nor counted as its bids' claims
                    accounted.merge(id, closed, Long::sum);
                    intervalBaselines.merge(id, closed, Long::sum);
                    claims.ownWinRecorded(id, clock.instant(), closed);
                }
                // read after the close: a bid on the previous view until then is held, and a closed view bids no more
                long held = counts.offeredMicros.get() - accounted.getOrDefault(id, 0L);
                if (allowance != null && allowance.remaining().signum() > 0) {
                    try {
                        topUpOrRenew(id, day, allowance, leased, held, leasedByAll.getOrDefault(id, BigDecimal.ZERO))
                                .ifPresent(lease -> leased.put(id, lease));
                    } catch (RuntimeException e) {
                        // the others are refreshed all the same; this one bids on its lease as read, until bidUntil
                        log.warn(
                                "lease of campaign {} not topped up or renewed, bidding on it as it was: {}",
                                id,
                                NestedExceptionUtils.getMostSpecificCause(e).getMessage());
                    }
                }
                AllowanceLeases.Lease lease = leased.get(id);
                if (lease == null || !lease.expiresAt().isAfter(clock.instant())) {
                    // a lease granted afresh is judged by the claims on it only
                    recentClaims.remove(id);
                }
                entries.add(new ServingSnapshot.Entry(
                        serving.campaign(),
                        serving.creatives().stream()
                                .map(c -> new ServingSnapshot.Creative(c.creative(), c.regions()))
                                .toList(),
                        d.impressions(),
                        d.clicks(),
                        d.conversions(),
                        allowance == null ? 0 : biddable(allowance, lease).doubleValue(),
                        allowance == null ? 0 : allowance.spent().doubleValue(),
                        counts,
                        markets.of(id),
                        accounted.getOrDefault(id, 0L),
                        lease == null ? Instant.MIN : lease.expiresAt().minus(hold),
                        lease == null ? -1 : lease.generation()));
            }
            // campaigns no longer served start afresh when they are again
            recentClaims.keySet().retainAll(intervalBaselines.keySet());
            offeredAtIntervalStart.keySet().retainAll(intervalBaselines.keySet());
            intervalStart.keySet().retainAll(intervalBaselines.keySet());
            snapshot = new ServingSnapshot(
                    List.copyOf(entries),
                    impressions == 0 ? 0 : (double) clicks / impressions,
                    clicks == 0 ? 0 : (double) conversions / clicks);
            for (ServingSnapshot.Entry entry : snapshot.entries()) {
                SpendAllowances.Allowance allowance = today.get(entry.id());
                long taken = 0;
                if (allowance != null) {
                    try {
                        taken = giveBackExcess(entry, day, allowance);
                    } catch (RuntimeException e) {
                        log.warn(
                                "excess lease of campaign {} not given back, bidding on it until the next refresh: {}",
                                entry.id(),
                                NestedExceptionUtils.getMostSpecificCause(e).getMessage());
                    }
                }
                // what was given back is no bid's claim
                offeredAtIntervalStart.put(entry.id(), intervalBaselines.get(entry.id()) + taken);
            }
        } catch (RuntimeException e) {
            // the most specific cause names what failed (a missing column, a lost connection); the wrapper only the SQL
            log.warn(
                    "serving campaigns not refreshed, bidding on the previous view: {}",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
    }

    /**
     * What the campaign may promise in bids on this replica: its lease while the lease is in force for bidding, no
     * more than the allowance has left. A lease is bid on until one claim hold before it expires, so a win of a bid
     * on it comes, as nearly every win does, while the lease still counts against the others. A lease granted before
     * the allowance was last settled is bid on no more, even when it could not be leased afresh.
     */
    private BigDecimal biddable(SpendAllowances.Allowance allowance, AllowanceLeases.Lease lease) {
        if (lease == null
                || lease.generation() != allowance.generation()
                || !clock.instant().isBefore(lease.expiresAt().minus(hold))) {
            return BigDecimal.ZERO;
        }
        return lease.amount().min(allowance.remaining());
    }

    /** The lease wanted: the configured share of what the allowance has left, in millionths. */
    private long wantedMicros(SpendAllowances.Allowance allowance) {
        return Math.round(allowance.remaining().doubleValue() * leasing.share() * 1_000_000);
    }

    /**
     * Once at least {@link #refreshInterval} has passed since the campaign's current interval began, adds what its
     * bids claimed in it to its recent claims and begins the next; refreshes in between leave the interval open.
     *
     * @param intervalBaselines gets what the campaign's offered counter is measured from after this refresh
     */
    private void countClaims(
            UUID campaignId, ServingSnapshot.Counters counts, Instant now, Map<UUID, Long> intervalBaselines) {
        long offered = counts.offeredMicros.get();
        Long before = offeredAtIntervalStart.get(campaignId);
        Instant since = intervalStart.get(campaignId);
        if (before != null && since != null && now.isBefore(since.plus(refreshInterval))) {
            intervalBaselines.put(campaignId, before);
            return;
        }
        intervalBaselines.put(campaignId, offered);
        intervalStart.put(campaignId, now);
        if (before == null) {
            return;
        }
        ArrayDeque<Long> recent = recentClaims.computeIfAbsent(campaignId, k -> new ArrayDeque<>());
        recent.addLast(offered - before);
        while (recent.size() > RECENT_REFRESHES) {
            recent.removeFirst();
        }
    }

    /**
     * What this replica's lease of the campaign should hold to promise, in millionths: the wanted share until its bids
     * have been watched over {@link #RECENT_REFRESHES} refresh intervals, then what they need, {@link #NEED_FACTOR}
     * times what they claimed over those, at least a floor and at most the share.
     */
    private long targetMicros(UUID campaignId, long wanted) {
        ArrayDeque<Long> recent = recentClaims.get(campaignId);
        if (recent == null || recent.size() < RECENT_REFRESHES) {
            return wanted;
        }
        long claimed = 0;
        for (long c : recent) {
            claimed += c;
        }
        return Math.min(wanted, Math.max(wanted / IDLE_DIVISOR, NEED_FACTOR * claimed));
    }

    /**
     * Tops the lease up to what it should hold (see {@link #targetMicros}) when less than half of that is left to
     * promise, renews a lease whose time is half over, lowers one when the leases in force together hold more
     * than the allowance has left, and leases afresh in place of one granted before the allowance was last settled
     * (see {@link AllowanceLeases#topUp}).
     *
     * @param held what this replica's bids still hold against the lease, in millionths
     * @param leasedByAll what the leases of every replica in force held as the refresh began
     */
    private Optional<AllowanceLeases.Lease> topUpOrRenew(
            UUID campaignId,
            LocalDate day,
            SpendAllowances.Allowance allowance,
            Map<UUID, AllowanceLeases.Lease> leased,
            long held,
            BigDecimal leasedByAll) {
        Instant now = clock.instant();
        AllowanceLeases.Lease lease = leased.get(campaignId);
        long left = Math.round(biddable(allowance, lease).doubleValue() * 1_000_000) - held;
        long target = targetMicros(campaignId, wantedMicros(allowance));
        boolean low = target > 0 && left < target / 2;
        boolean ageing = lease != null
                && lease.expiresAt().isBefore(now.plus(leasing.ttl().dividedBy(2)))
                && lease.amount().signum() > 0;
        boolean overLeased = lease != null
                && lease.expiresAt().isAfter(now)
                && leasedByAll.compareTo(allowance.remaining()) > 0
                && lease.amount().compareTo(BigDecimal.valueOf(held, 6)) > 0;
        boolean settledSince =
                lease != null && lease.expiresAt().isAfter(now) && lease.generation() != allowance.generation();
        if (!low && !ageing && !overLeased && !settledSince) {
            return Optional.empty();
        }
        long more = low ? target - Math.max(left, 0) : 0;
        return leases.topUp(
                campaignId,
                day,
                replica,
                BigDecimal.valueOf(more, 6),
                BigDecimal.valueOf(Math.max(held, 0), 6),
                now,
                now.plus(leasing.ttl()));
    }

    /**
     * Gives back what the lease holds beyond twice what it should hold (bids' claims that lapsed, an allowance that
     * shrank, bids that stopped coming), down to what it should hold, so that it is free for the other replicas. It is
     * first claimed like a bid, so that no bid can promise it meanwhile, and then counted like a recorded win: the
     * lease read next no longer holds it.
     *
     * @return what was given back, in millionths
     */
    private long giveBackExcess(ServingSnapshot.Entry entry, LocalDate day, SpendAllowances.Allowance allowance) {
        long target = targetMicros(entry.id(), wantedMicros(allowance));
        if (entry.availableMicros() <= 2 * target) {
            return 0;
        }
        Instant now = clock.instant();
        long taken = takeAll(entry, target);
        if (taken > 0) {
            try {
                leases.giveBack(entry.id(), day, replica, BigDecimal.valueOf(taken, 6), entry.generation(), null, now);
            } catch (RuntimeException e) {
                // still leased: claimed, it would be held as a bid's claim for the claim hold and counted as one
                entry.counters().offeredMicros.addAndGet(-taken);
                throw e;
            }
            claims.ownWinRecorded(entry.id(), now, taken);
        }
        return taken;
    }

    /**
     * Closes the previous view's entry when its lease was granted before the allowance was last settled: it claims all
     * the entry has left, as a give-back does, before the refresh lowers the lease to what the entry's bids claimed
     * (see {@link AllowanceLeases#topUp}). Left open, the entry would go on promising its whole old lease until the
     * new view replaced it, or until its bid cut-off should the refresh fail, while what the lease no longer held was
     * leased to other replicas.
     *
     * @return what was claimed, in millionths
     */
    private static long closeSettledSince(ServingSnapshot.Entry entry, SpendAllowances.Allowance allowance) {
        if (entry == null || entry.generation() == allowance.generation()) {
            return 0;
        }
        return takeAll(entry, 0);
    }

    /** Claims, lock-free as bids do, all that is left beyond {@code keep} millionths; returns what was claimed. */
    private static long takeAll(ServingSnapshot.Entry entry, long keep) {
        var offered = entry.counters().offeredMicros;
        while (true) {
            long before = offered.get();
            long taken = entry.availableMicros(before) - keep;
            if (taken <= 0) {
                return 0;
            }
            if (offered.compareAndSet(before, before + taken)) {
                return taken;
            }
        }
    }

    /**
     * Gives back what this replica has not promised of its leases, and lets the rest (what bids whose wins may still
     * come hold) expire one claim hold from now, so the other replicas need not wait for the leases to expire.
     */
    @PreDestroy
    synchronized void giveBackLeases() {
        closed = true;
        LocalDate day = allowances.today();
        Instant now = clock.instant();
        for (ServingSnapshot.Entry entry : snapshot.entries()) {
            try {
                long taken = takeAll(entry, 0);
                leases.giveBack(
                        entry.id(),
                        day,
                        replica,
                        BigDecimal.valueOf(taken, 6),
                        entry.generation(),
                        now.plus(hold),
                        now);
            } catch (RuntimeException e) {
                log.warn(
                        "lease of campaign {} not given back, free again once it expires: {}",
                        entry.id(),
                        NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            }
        }
        snapshot = ServingSnapshot.EMPTY;
    }

    private void flushCounts() {
        counters.forEach((id, c) -> {
            long eligible = c.eligible.sumThenReset();
            long bids = c.bids.sumThenReset();
            if (eligible > 0 || bids > 0) {
                try {
                    delivery.addBids(id, eligible, bids);
                } catch (RuntimeException e) {
                    c.eligible.add(eligible);
                    c.bids.add(bids);
                    throw e;
                }
            }
        });
    }
}
