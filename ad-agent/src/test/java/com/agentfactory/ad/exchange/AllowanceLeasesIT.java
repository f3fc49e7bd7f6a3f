package com.agentfactory.ad.exchange;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.budget.AllowanceKeeper;
import com.agentfactory.ad.budget.SpendAllowances;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.delivery.DeliveryLedger;
import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.threeten.extra.MutableClock;

/**
 * Replicas of the agent bidding against one campaign's allowance: each a bid path of its own (serving view and bid
 * decider) on the shared database, as separate processes would be, beside the application's own.
 */
class AllowanceLeasesIT extends AdIntegrationTest {

    @Autowired
    AdCampaigns campaigns;

    @Autowired
    DeliveryLedger delivery;

    @Autowired
    SpendAllowances allowances;

    @Autowired
    MarketModels markets;

    @Autowired
    WinNoticeProperties winNotices;

    @Autowired
    AllowanceLeases leases;

    @Autowired
    AllowanceLeaseProperties leasing;

    @Autowired
    ExchangeProperties properties;

    @Autowired
    AllowanceKeeper keeper;

    @Autowired
    Deliveries deliveries;

    @Autowired
    WinNotices signer;

    @Autowired
    TransactionTemplate tx;

    /** The application's own replica, which leases the tests' campaigns too, on its own refresh schedule. */
    @Autowired
    ServingCampaigns application;

    @Test
    void twoReplicasBiddingAtOnceTogetherNeverPromiseMoreThanTheAllowanceHasLeft() throws Exception {
        String region = regionOfItsOwn("L");
        UUID id = campaignWithAllowance("Bid on by two replicas", region, "1.00");
        Replica first = replica("0000000a", leasing, clock);
        Replica second = replica("0000000b", leasing, clock);

        long promised = 0;
        long promisedAfterTheFirstLeases = 0;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 12; round++) {
                List<Future<Long>> bidding = new ArrayList<>();
                for (Replica replica : List.of(first, second)) {
                    // each replica refreshes (tops its lease up) while its own bids and the other's are decided
                    bidding.add(executor.submit(() -> {
                        replica.serving().refresh();
                        return 0L;
                    }));
                    for (int thread = 0; thread < 2; thread++) {
                        bidding.add(executor.submit(() -> replica.promise(id, region, 20)));
                    }
                }
                long promisedThisRound = 0;
                for (Future<Long> bids : bidding) {
                    promisedThisRound += bids.get();
                }
                promised += promisedThisRound;
                if (round > 0) {
                    promisedAfterTheFirstLeases += promisedThisRound;
                }
            }
        }

        // no wins came, so every bid's claim is still held: together they may cost at most the 1.00 left
        assertThat(promised).isLessThanOrEqualTo(1_000_000L);
        // and the replicas kept bidding beyond their first leases, on top-ups from what the allowance had free
        assertThat(promisedAfterTheFirstLeases).isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT sum(amount) FROM ad_allowance_leases WHERE campaign_id = ? AND expires_at > now()",
                        BigDecimal.class,
                        id))
                .isLessThanOrEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void theLeaseOfACrashedReplicaIsFreeForTheOthersOnceItExpires() {
        String region = regionOfItsOwn("C");
        UUID id = campaignWithAllowance("Leased by a replica that crashed", region, "1.00");
        // each leases all the allowance has free
        AllowanceLeaseProperties greedy = leasingShare(1.0);
        Replica crashing = replica("0000000c", greedy, clock);
        MutableClock later = aClockOfItsOwn();
        Replica surviving = replica("0000000d", greedy, later);

        crashing.serving().refresh();
        BigDecimal crashed = leaseOf(id, "0000000c");
        surviving.serving().refresh();

        assertThat(crashed).isPositive();
        assertThat(crashing.promise(id, region, 1)).isPositive();
        assertThat(surviving.promise(id, region, 1)).isZero();

        // the first replica is gone without giving anything back: its lease ends when nobody renews it
        later.add(leasing.ttl().plusSeconds(1));
        surviving.serving().refresh();

        // at least: the application's own replica's lease, not renewed by then either, may have come back too
        assertThat(leaseOf(id, "0000000d")).isGreaterThanOrEqualTo(crashed);
        assertThat(surviving.promise(id, region, 1)).isPositive();
    }

    @Test
    void aReplicaShuttingDownGivesBackWhatItHasNotPromised() {
        String region = regionOfItsOwn("S");
        UUID id = campaignWithAllowance("Leased by a replica shutting down", region, "1.00");
        AllowanceLeaseProperties greedy = leasingShare(1.0);
        Replica leaving = replica("0000000e", greedy, clock);
        Replica staying = replica("0000000f", greedy, clock);
        leaving.serving().refresh();
        BigDecimal leased = leaseOf(id, "0000000e");
        long promised = leaving.promise(id, region, 1);

        staying.serving().refresh();
        assertThat(leaseOf(id, "0000000f")).isZero();

        leaving.serving().giveBackLeases();
        staying.serving().refresh();

        assertThat(leased).isGreaterThan(BigDecimal.valueOf(promised, 6));
        assertThat(leaseOf(id, "0000000f")).isPositive();
        // what the leaving replica's bid may still cost stays leased until its win could have come, no longer
        assertThat(leaseOf(id, "0000000e")).isEqualByComparingTo(BigDecimal.valueOf(promised, 6));
        assertThat(jdbc.queryForObject(
                                "SELECT expires_at FROM ad_allowance_leases WHERE campaign_id = ? AND replica = '0000000e'",
                                java.sql.Timestamp.class,
                                id)
                        .toInstant())
                .isBeforeOrEqualTo(clock.instant().plus(winNotices.claimHold()));
        assertThat(leaving.promise(id, region, 1)).isZero();
    }

    @Test
    void aSettledAllowancesLeasesAreBidOnNoMoreOnceRefreshedSoAResumedCampaignIsNotPromisedTwice() {
        String region = regionOfItsOwn("R");
        UUID id = campaignWithAllowance("Paused and resumed", region, "2.00");
        // two replicas lease all the allowance between them
        AllowanceLeaseProperties half = leasingShare(0.5);
        Replica first = replica("00000010", half, clock);
        Replica second = replica("00000011", half, clock);
        first.serving().refresh();
        second.serving().refresh();
        assertThat(leaseOf(id, "00000010")).isPositive();

        LocalDate day = allowances.today();
        settle(id, day);
        first.serving().refresh();
        assertThat(first.available(id)).as("bid on once settled and refreshed").isZero();
        resume(id, day);
        first.serving().refresh();
        second.serving().refresh();
        first.serving().refresh();

        assertThat(first.available(id) + second.available(id)).isPositive().isLessThanOrEqualTo(1_000_000L);
        assertThat(leasedInForce(id)).isLessThanOrEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void aReplicaStillBiddingOnItsViewFromBeforeASettlementKeepsWhatItMayPromiseFromTheResumedCampaign() {
        String region = regionOfItsOwn("V");
        UUID id = campaignWithAllowance("Resumed while a replica bids on", region, "1.00");
        AllowanceLeaseProperties greedy = leasingShare(1.0);
        Replica stale = replica("0000001c", greedy, clock);
        Replica fresh = replica("0000001d", greedy, clock);
        stale.serving().refresh();
        long promisedBefore = stale.promise(id, region, 1);

        LocalDate day = allowances.today();
        settle(id, day);
        resume(id, day);
        // the other replica refreshes after the campaign resumed; this one has not yet, and bids on what it read
        fresh.serving().refresh();
        long promisedByTheStaleView = stale.promise(id, region, 200);
        long promisedByTheFreshOne = fresh.promise(id, region, 200);

        assertThat(promisedBefore).isPositive();
        assertThat(promisedByTheStaleView).isPositive();
        // every bid's claim is still held: together they may cost at most the 1.00 the resumed allowance has
        assertThat(promisedBefore + promisedByTheStaleView + promisedByTheFreshOne)
                .isLessThanOrEqualTo(1_000_000L);

        // refreshed, the stale replica keeps of its old lease what its bids may still cost, and is leased afresh
        stale.serving().refresh();
        fresh.serving().refresh();
        assertThat(leaseOf(id, "0000001c"))
                .isGreaterThanOrEqualTo(BigDecimal.valueOf(promisedBefore + promisedByTheStaleView, 6));
        assertThat(leasedInForce(id)).isLessThanOrEqualTo(new BigDecimal("1.00"));
        assertThat(promisedBefore
                        + promisedByTheStaleView
                        + promisedByTheFreshOne
                        + stale.promise(id, region, 200)
                        + fresh.promise(id, region, 200))
                .isLessThanOrEqualTo(1_000_000L);
    }

    @Test
    void aReplicasViewFromBeforeASettlementBidsNoMoreOnceItsRefreshLowersTheLease() {
        String region = regionOfItsOwn("N");
        UUID id = campaignWithAllowance("Resumed while its replica refreshes", region, "2.00");
        AllowanceLeaseProperties half = leasingShare(0.5);
        AtomicReference<Runnable> meanwhile = new AtomicReference<>();
        Replica refreshing = replica("0000001f", half, clock, leasesBiddingMeanwhile(id, meanwhile));
        Replica other = replica("00000020", half, clock);
        refreshing.serving().refresh();
        assertThat(leaseOf(id, "0000001f")).isEqualByComparingTo("1.00");

        LocalDate day = allowances.today();
        settle(id, day);
        resume(id, day);
        // its bid path goes on deciding on the view from before the settlement while the refresh lowers the lease
        AtomicLong promisedMeanwhile = new AtomicLong();
        meanwhile.set(() -> promisedMeanwhile.addAndGet(refreshing.promise(id, region, 1000)));
        refreshing.serving().refresh();
        other.serving().refresh();
        long promisedSince = refreshing.promise(id, region, 1000) + other.promise(id, region, 1000);

        assertThat(meanwhile.get()).as("bids decided during the refresh").isNull();
        assertThat(promisedMeanwhile.get()).isZero();
        assertThat(promisedSince).isPositive();
        // every bid's claim is still held: with what the other replicas hold, at most the 1.00 resumed
        assertThat(promisedMeanwhile.get() + promisedSince + micros(leasedInForceByOthers(id, "0000001f", "00000020")))
                .isLessThanOrEqualTo(1_000_000L);
    }

    @Test
    void aWinThatComesAfterItsBidsClaimHoldEndedIsTakenOffTheLeaseAndTheAllowanceOnce() {
        String region = regionOfItsOwn("H");
        UUID id = campaignWithAllowance("Won late", region, "1.00");
        AllowanceLeaseProperties half = leasingShare(0.5);
        MutableClock replicaClock = aClockOfItsOwn();
        Replica replica = replica("0000001e", half, replicaClock);
        replica.serving().refresh();
        BigDecimal lease = leaseOf(id, "0000001e");
        Instant bidAt = replicaClock.instant();
        OpenRtb.Bid bid = replica.bid(id, region).orElseThrow();
        long claim = Replica.claimOf(bid);
        assertThat(replica.available(id)).isEqualTo(micros(lease) - claim);

        // no win within the claim hold: the bid is taken for lost and its claim let go
        replicaClock.add(properties.refreshInterval());
        replica.serving().refresh();
        replicaClock.add(winNotices.claimHold());
        replica.serving().refresh();
        assertThat(replica.available(id)).isEqualTo(micros(lease));

        // then the win comes, recorded by this replica (or another), within the win-notice window
        String bidId = "0000001e-" + UUID.randomUUID().toString().substring(9);
        BigDecimal price = BigDecimal.valueOf(bid.price()).subtract(new BigDecimal("0.5"));
        UUID creative = UUID.fromString(bid.crid());
        var won = deliveries.win(
                new WinNotice(bidId, id, creative, price),
                signer.token(bidId, id, creative, bid.price(), bidAt, "test", null),
                "test");
        replica.serving().onOwnBidWon(new Deliveries.OwnBidWon(id, bidAt.truncatedTo(ChronoUnit.MILLIS), claim));
        replica.serving().refresh();

        assertThat(won.outcome().recorded()).isTrue();
        BigDecimal cost = won.cost();
        assertThat(cost).isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT spent FROM ad_spend_allowances WHERE campaign_id = ? AND day = ?",
                        BigDecimal.class,
                        id,
                        allowances.today()))
                .isEqualByComparingTo(cost);
        assertThat(leaseOf(id, "0000001e")).isEqualByComparingTo(lease.subtract(cost));
        // neither lost (bid on again) nor counted twice (its claim given back on top of the cost)
        assertThat(replica.available(id)).isEqualTo(micros(lease) - micros(cost));
    }

    @Test
    void leasesHoldingMoreThanTheAllowanceHasLeftAreLoweredToItButNotBelowTheirBidsClaims() {
        String region = regionOfItsOwn("W");
        UUID id = campaignWithAllowance("Won beyond its leases", region, "1.00");
        AllowanceLeaseProperties half = leasingShare(0.5);
        Replica bidding = replica("00000012", half, clock);
        Replica other = replica("00000013", half, clock);
        // the application's replica leases the campaign on its schedule, perhaps before the win: here always
        application.refresh();
        bidding.serving().refresh();
        other.serving().refresh();
        long claimed = bidding.promise(id, region, 1);
        assertThat(claimed).isPositive();
        assertThat(leaseOf(id, BidDecider.REPLICA)).isPositive();

        // a win that came after its bid's claim was no longer held is in the allowance and in no lease
        jdbc.update(
                "UPDATE ad_spend_allowances SET spent = spent + 0.95 WHERE campaign_id = ? AND day = ?",
                id,
                allowances.today());
        // every replica holding a lease renews it once: each lowers only its own
        bidding.serving().refresh();
        other.serving().refresh();
        application.refresh();

        // what the bid may still cost stays leased: given to another replica, it would be promised twice
        assertThat(leaseOf(id, "00000012")).isEqualByComparingTo(BigDecimal.valueOf(claimed, 6));
        assertThat(leasedInForce(id)).isLessThanOrEqualTo(new BigDecimal("0.05"));
        assertThat(bidding.promise(id, region, 1) + other.promise(id, region, 1) + availableOf(application, id))
                .isLessThanOrEqualTo(50_000L - claimed);
    }

    @Test
    void aReplicaWhoseRefreshesFailStopsBiddingOneClaimHoldBeforeItsLeaseEnds() {
        String region = regionOfItsOwn("F");
        UUID id = campaignWithAllowance("Bid on from an old view", region, "1.00");
        MutableClock later = aClockOfItsOwn();
        Replica stale = replica("00000014", leasing, later);
        stale.serving().refresh();
        assertThat(stale.promise(id, region, 1)).isPositive();

        // no refresh since, as when every one failed: the lease is not renewed and ends after its ttl
        later.add(leasing.ttl().minus(winNotices.claimHold()));

        assertThat(stale.promise(id, region, 1)).isZero();
    }

    @Test
    void oneCampaignsLeaseFailingKeepsNoOtherCampaignFromBeingRefreshed() {
        String region = regionOfItsOwn("I");
        UUID failing = campaignWithAllowance("Lease refused", region, "1.00");
        UUID refreshed = campaignWithAllowance("Refreshed beside it", region, "1.00");
        try (var refused = refuseLeaseWrites(
                "refuse_lease_" + failing.toString().substring(0, 8),
                "INSERT OR UPDATE",
                "NEW.campaign_id = '" + failing + "'",
                "lease refused")) {
            Replica replica = replica("00000015", leasing, clock);
            replica.serving().refresh();

            assertThat(replica.promise(refreshed, region, 1)).isPositive();
            assertThat(replica.available(failing)).isZero();
        }
    }

    @Test
    void anIdleReplicaGivesBackItsLeaseToTheReplicaBeingBidOn() {
        String region = regionOfItsOwn("D");
        UUID id = campaignWithAllowance("Bid on by one replica of two", region, "1.00");
        AllowanceLeaseProperties half = leasingShare(0.5);
        MutableClock idleClock = aClockOfItsOwn();
        Replica idle = replica("00000016", half, idleClock);
        Replica serving = replica("00000017", half, clock);
        idle.serving().refresh();
        serving.serving().refresh();
        BigDecimal idleLease = leaseOf(id, "00000016");
        long firstLease = serving.promise(id, region, 500);
        assertThat(serving.promise(id, region, 1)).as("all its lease promised").isZero();

        // no bid request reaches the idle replica over several refresh intervals
        refreshIdle(idle, idleClock, 6);
        serving.serving().refresh();

        assertThat(leaseOf(id, "00000016")).isLessThan(idleLease.divide(BigDecimal.TWO));
        assertThat(serving.promise(id, region, 500)).isPositive();
        assertThat(firstLease).isPositive();
    }

    @Test
    void refreshesWithinOneRefreshIntervalDoNotShrinkTheLeaseOfACampaignBeingBidOn() {
        String region = regionOfItsOwn("B");
        UUID id = campaignWithAllowance("Bid on through an allocation round", region, "1.00");
        AllowanceLeaseProperties half = leasingShare(0.5);
        MutableClock busyClock = aClockOfItsOwn();
        Replica busy = replica("00000018", half, busyClock);
        busy.serving().refresh();
        BigDecimal lease = leaseOf(id, "00000018");
        long claimed = busy.promise(id, region, 2);

        // an allocation round changes every campaign in one commit: a refresh after each change, all at once
        for (int refresh = 0; refresh < 8; refresh++) {
            busyClock.add(Duration.ofMillis(5));
            busy.serving().refresh();
        }

        assertThat(claimed).isPositive();
        assertThat(leaseOf(id, "00000018")).isEqualByComparingTo(lease);
        assertThat(busy.available(id)).isEqualTo(micros(lease) - claimed);
    }

    @Test
    void aGiveBackThatFailsLeavesTheLeaseToBidOnAndCountsNoClaimOfBidsInIt() {
        String region = regionOfItsOwn("G");
        UUID id = campaignWithAllowance("Given back in vain", region, "1.00");
        AllowanceLeaseProperties half = leasingShare(0.5);
        MutableClock idleClock = aClockOfItsOwn();
        Replica idle = replica("0000001a", half, idleClock);
        idle.serving().refresh();
        BigDecimal lease = leaseOf(id, "0000001a");
        long available = idle.available(id);
        try (var refused = refuseLeaseWrites(
                "refuse_give_back_" + id.toString().substring(0, 8),
                "UPDATE",
                "NEW.campaign_id = '" + id + "' AND NEW.replica = '0000001a'",
                "give-back refused")) {
            // idle long enough that the replica gives back all but an eighth of its share, and fails to
            refreshIdle(idle, idleClock, 6);

            assertThat(leaseOf(id, "0000001a")).isEqualByComparingTo(lease);
            assertThat(idle.available(id)).isPositive().isEqualTo(available);
        }

        refreshIdle(idle, idleClock, 1);

        assertThat(leaseOf(id, "0000001a")).isLessThan(lease.divide(BigDecimal.TWO));
    }

    /**
     * A region no other campaign of the shared database reaches, so the test's campaign is the one bid on; the
     * initial tells the tests' regions apart.
     */
    private static String regionOfItsOwn(String initial) {
        return initial + UUID.randomUUID().toString().substring(0, 6);
    }

    /** An active campaign reaching only {@code region}, with today's allowance open at {@code reserved}. */
    private UUID campaignWithAllowance(String name, String region, String reserved) {
        UUID id = UUID.fromString(activeCampaign(campaign(name, region)));
        seedAllowance(id.toString(), reserved);
        return id;
    }

    /** Leasing as the agent does, but each lease up to {@code share} of what the allowance has left. */
    private AllowanceLeaseProperties leasingShare(double share) {
        return new AllowanceLeaseProperties(share, leasing.ttl());
    }

    /** A replica's clock of its own, to be moved on without moving the agent's. */
    private MutableClock aClockOfItsOwn() {
        return MutableClock.of(clock.instant(), ZoneOffset.UTC);
    }

    /** No bid request reaches the replica for {@code intervals} refresh intervals; it refreshes after each. */
    private void refreshIdle(Replica replica, MutableClock replicaClock, int intervals) {
        for (int refresh = 0; refresh < intervals; refresh++) {
            replicaClock.add(properties.refreshInterval());
            replica.serving().refresh();
        }
    }

    /**
     * Resumed the same day: the keeper's next tranche of 1.00 on what the settlement left, whether or not finance
     * answered the settlement.
     */
    private void resume(UUID campaignId, LocalDate day) {
        jdbc.update(
                "UPDATE ad_spend_allowances SET reserved = spent + 1.00, status = 'OPEN' WHERE campaign_id = ?"
                        + " AND day = ?",
                campaignId,
                day);
    }

    /**
     * Makes the database refuse the {@code events} (INSERT, UPDATE) on leases matching {@code condition} with
     * {@code reason}, until closed.
     */
    private Refusal refuseLeaseWrites(String function, String events, String condition, String reason) {
        jdbc.execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION '" + reason + "'; END $$");
        jdbc.execute("CREATE TRIGGER " + function + " BEFORE " + events + " ON ad_allowance_leases FOR EACH ROW"
                + " WHEN (" + condition + ") EXECUTE FUNCTION " + function + "()");
        return () -> {
            jdbc.execute("DROP TRIGGER " + function + " ON ad_allowance_leases");
            jdbc.execute("DROP FUNCTION " + function + "()");
        };
    }

    private interface Refusal extends AutoCloseable {
        @Override
        void close();
    }

    private BigDecimal leasedInForce(UUID campaignId) {
        return jdbc.queryForObject(
                "SELECT COALESCE(sum(amount), 0) FROM ad_allowance_leases WHERE campaign_id = ? AND expires_at > ?",
                BigDecimal.class,
                campaignId,
                java.sql.Timestamp.from(clock.instant()));
    }

    private BigDecimal leasedInForceByOthers(UUID campaignId, String replica, String otherReplica) {
        return jdbc.queryForObject(
                "SELECT COALESCE(sum(amount), 0) FROM ad_allowance_leases WHERE campaign_id = ? AND expires_at > ?"
                        + " AND replica NOT IN (?, ?)",
                BigDecimal.class,
                campaignId,
                java.sql.Timestamp.from(clock.instant()),
                replica,
                otherReplica);
    }

    /**
     * The leases, but the replica's bid path decides bids once just before and just after its lease of the campaign
     * is next topped up or lowered, as it may while a refresh runs.
     */
    private AllowanceLeases leasesBiddingMeanwhile(UUID campaignId, AtomicReference<Runnable> meanwhile) {
        return new AllowanceLeases(jdbc, tx) {
            @Override
            Optional<Lease> topUp(
                    UUID campaign,
                    LocalDate day,
                    String replica,
                    BigDecimal more,
                    BigDecimal claimed,
                    Instant now,
                    Instant expiresAt) {
                Runnable bids = campaign.equals(campaignId) ? meanwhile.getAndSet(null) : null;
                if (bids != null) {
                    bids.run();
                }
                Optional<Lease> lease = super.topUp(campaign, day, replica, more, claimed, now, expiresAt);
                if (bids != null) {
                    bids.run();
                }
                return lease;
            }
        };
    }

    /**
     * Settles the day's allowance. Finance is not running here: a tranche the activation's keeper pass asked for is
     * still pending, and the settlement, having closed the allowance, stops at it.
     */
    private void settle(UUID campaignId, LocalDate day) {
        try {
            keeper.settle(campaignId, day);
        } catch (FinanceUnavailableException e) {
            // the allowance is closed and its generation raised before finance is called
        }
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM ad_spend_allowances WHERE campaign_id = ? AND day = ?",
                        String.class,
                        campaignId,
                        day))
                .isNotEqualTo("OPEN");
    }

    private static long micros(BigDecimal amount) {
        return amount.movePointRight(6).longValueExact();
    }

    private BigDecimal leaseOf(UUID campaignId, String replica) {
        return jdbc
                .queryForList(
                        "SELECT amount FROM ad_allowance_leases WHERE campaign_id = ? AND replica = ?",
                        BigDecimal.class,
                        campaignId,
                        replica)
                .stream()
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** What the view lets its bids still promise for the campaign, in millionths. */
    private static long availableOf(ServingCampaigns serving, UUID campaignId) {
        return serving.current().entries().stream()
                .filter(entry -> entry.id().equals(campaignId))
                .mapToLong(ServingSnapshot.Entry::availableMicros)
                .sum();
    }

    private Replica replica(String name, AllowanceLeaseProperties leaseProperties, Clock replicaClock) {
        return replica(name, leaseProperties, replicaClock, leases);
    }

    private Replica replica(
            String name, AllowanceLeaseProperties leaseProperties, Clock replicaClock, AllowanceLeases replicaLeases) {
        return new Replica(
                new ServingCampaigns(
                        campaigns,
                        delivery,
                        allowances,
                        markets,
                        winNotices,
                        properties.refreshInterval(),
                        replicaLeases,
                        leaseProperties,
                        name,
                        replicaClock),
                new BidDecider(
                        new EmpiricalBayesClickPredictor(
                                properties.priorStrength(), properties.defaultCtr(), properties.defaultCvr()),
                        new LinearBidShaper(),
                        properties),
                replicaClock);
    }

    /** One replica's bid path: its view of the serving campaigns and its bid decisions. */
    private record Replica(ServingCampaigns serving, BidDecider decider, Clock clock) {

        /** What the replica's view lets its bids still promise for the campaign, in millionths. */
        long available(UUID campaignId) {
            return availableOf(serving, campaignId);
        }

        /** Decides one bid request from the region; returns the campaign's bid, if it bid. */
        Optional<OpenRtb.Bid> bid(UUID campaignId, String region) {
            return decider
                    .decide(BidDeciderTest.request(300, region, 0.01), serving.current(), clock.instant())
                    .stream()
                    .flatMap(response -> response.seatbid().getFirst().bid().stream())
                    .filter(bid -> bid.cid().equals(campaignId.toString()))
                    .findFirst();
        }

        /** What the bid claims of the campaign's lease while its win may still come, in millionths. */
        static long claimOf(OpenRtb.Bid bid) {
            return ClaimHold.claimMicros(Math.round(bid.price() * BidDecider.PRICE_UNITS_PER_CPM));
        }

        /** Decides {@code requests} bid requests from the region; returns what its bids for the campaign claimed. */
        long promise(UUID campaignId, String region, int requests) {
            long claimed = 0;
            for (int i = 0; i < requests; i++) {
                var response =
                        decider.decide(BidDeciderTest.request(300, region, 0.01), serving.current(), clock.instant());
                if (response.isEmpty()) {
                    continue;
                }
                for (OpenRtb.Bid bid : response.get().seatbid().getFirst().bid()) {
                    if (bid.cid().equals(campaignId.toString())) {
                        claimed += claimOf(bid);
                    }
                }
            }
            return claimed;
        }
    }
}
