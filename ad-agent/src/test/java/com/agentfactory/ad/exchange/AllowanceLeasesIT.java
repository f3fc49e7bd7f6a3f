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

    @Test
    void twoReplicasBiddingAtOnceTogetherNeverPromiseMoreThanTheAllowanceHasLeft() throws Exception {
        String region = "L" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Bid on by two replicas", region)));
        seedAllowance(id.toString(), "1.00");
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
        String region = "C" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Leased by a replica that crashed", region)));
        seedAllowance(id.toString(), "1.00");
        // each leases all the allowance has free
        AllowanceLeaseProperties greedy = new AllowanceLeaseProperties(1.0, leasing.ttl());
        Replica crashing = replica("0000000c", greedy, clock);
        MutableClock later = MutableClock.of(clock.instant(), ZoneOffset.UTC);
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
        String region = "S" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Leased by a replica shutting down", region)));
        seedAllowance(id.toString(), "1.00");
        AllowanceLeaseProperties greedy = new AllowanceLeaseProperties(1.0, leasing.ttl());
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
        String region = "R" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Paused and resumed", region)));
        seedAllowance(id.toString(), "2.00");
        // two replicas lease all the allowance between them
        AllowanceLeaseProperties half = new AllowanceLeaseProperties(0.5, leasing.ttl());
        Replica first = replica("00000010", half, clock);
        Replica second = replica("00000011", half, clock);
        first.serving().refresh();
        second.serving().refresh();
        assertThat(leaseOf(id, "00000010")).isPositive();

        LocalDate day = allowances.today();
        settle(id, day);
        first.serving().refresh();
        assertThat(first.available(id)).as("bid on once settled and refreshed").isZero();
        // resumed the same day: the keeper's next tranche of 1.00 on what the settlement left, whether or not
        // finance answered the settlement
        jdbc.update(
                "UPDATE ad_spend_allowances SET reserved = spent + 1.00, status = 'OPEN' WHERE campaign_id = ?"
                        + " AND day = ?",
                id,
                day);
        first.serving().refresh();
        second.serving().refresh();
        first.serving().refresh();

        assertThat(first.available(id) + second.available(id)).isPositive().isLessThanOrEqualTo(1_000_000L);
        assertThat(leasedInForce(id)).isLessThanOrEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void aReplicaStillBiddingOnItsViewFromBeforeASettlementKeepsWhatItMayPromiseFromTheResumedCampaign() {
        String region = "V" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Resumed while a replica bids on", region)));
        seedAllowance(id.toString(), "1.00");
        AllowanceLeaseProperties greedy = new AllowanceLeaseProperties(1.0, leasing.ttl());
        Replica stale = replica("0000001c", greedy, clock);
        Replica fresh = replica("0000001d", greedy, clock);
        stale.serving().refresh();
        long promisedBefore = stale.promise(id, region, 1);

        LocalDate day = allowances.today();
        settle(id, day);
        jdbc.update(
                "UPDATE ad_spend_allowances SET reserved = spent + 1.00, status = 'OPEN' WHERE campaign_id = ?"
                        + " AND day = ?",
                id,
                day);
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
        String region = "N" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Resumed while its replica refreshes", region)));
        seedAllowance(id.toString(), "2.00");
        AllowanceLeaseProperties half = new AllowanceLeaseProperties(0.5, leasing.ttl());
        AtomicReference<Runnable> meanwhile = new AtomicReference<>();
        Replica refreshing = replica("0000001f", half, clock, leasesBiddingMeanwhile(id, meanwhile));
        Replica other = replica("00000020", half, clock);
        refreshing.serving().refresh();
        assertThat(leaseOf(id, "0000001f")).isEqualByComparingTo("1.00");

        LocalDate day = allowances.today();
        settle(id, day);
        jdbc.update(
                "UPDATE ad_spend_allowances SET reserved = spent + 1.00, status = 'OPEN' WHERE campaign_id = ?"
                        + " AND day = ?",
                id,
                day);
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
        String region = "H" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Won late", region)));
        seedAllowance(id.toString(), "1.00");
        AllowanceLeaseProperties half = new AllowanceLeaseProperties(0.5, leasing.ttl());
        MutableClock replicaClock = MutableClock.of(clock.instant(), ZoneOffset.UTC);
        Replica replica = replica("0000001e", half, replicaClock);
        replica.serving().refresh();
        BigDecimal lease = leaseOf(id, "0000001e");
        Instant bidAt = replicaClock.instant();
        OpenRtb.Bid bid = replica.bid(id, region).orElseThrow();
        long claim = ClaimHold.claimMicros(Math.round(bid.price() * BidDecider.PRICE_UNITS_PER_CPM));
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
                new WinNotice(bidId, id, creative, price, null),
                signer.token(bidId, id, creative, bid.price(), bidAt, "test"),
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
        String region = "W" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Won beyond its leases", region)));
        seedAllowance(id.toString(), "1.00");
        AllowanceLeaseProperties half = new AllowanceLeaseProperties(0.5, leasing.ttl());
        Replica bidding = replica("00000012", half, clock);
        Replica other = replica("00000013", half, clock);
        bidding.serving().refresh();
        other.serving().refresh();
        long claimed = bidding.promise(id, region, 1);
        assertThat(claimed).isPositive();

        // a win that came after its bid's claim was no longer held is in the allowance and in no lease
        jdbc.update(
                "UPDATE ad_spend_allowances SET spent = spent + 0.95 WHERE campaign_id = ? AND day = ?",
                id,
                allowances.today());
        bidding.serving().refresh();
        other.serving().refresh();

        // what the bid may still cost stays leased: given to another replica, it would be promised twice
        assertThat(leaseOf(id, "00000012")).isEqualByComparingTo(BigDecimal.valueOf(claimed, 6));
        assertThat(leasedInForce(id)).isLessThanOrEqualTo(new BigDecimal("0.05"));
        assertThat(bidding.promise(id, region, 1) + other.promise(id, region, 1))
                .isLessThanOrEqualTo(50_000L - claimed);
    }

    @Test
    void aReplicaWhoseRefreshesFailStopsBiddingOneClaimHoldBeforeItsLeaseEnds() {
        String region = "F" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Bid on from an old view", region)));
        seedAllowance(id.toString(), "1.00");
        MutableClock later = MutableClock.of(clock.instant(), ZoneOffset.UTC);
        Replica stale = replica("00000014", leasing, later);
        stale.serving().refresh();
        assertThat(stale.promise(id, region, 1)).isPositive();

        // no refresh since, as when every one failed: the lease is not renewed and ends after its ttl
        later.add(leasing.ttl().minus(winNotices.claimHold()));

        assertThat(stale.promise(id, region, 1)).isZero();
    }

    @Test
    void oneCampaignsLeaseFailingKeepsNoOtherCampaignFromBeingRefreshed() {
        String region = "I" + UUID.randomUUID().toString().substring(0, 6);
        UUID failing = UUID.fromString(activeCampaign(campaign("Lease refused", region)));
        UUID refreshed = UUID.fromString(activeCampaign(campaign("Refreshed beside it", region)));
        seedAllowance(failing.toString(), "1.00");
        seedAllowance(refreshed.toString(), "1.00");
        String refuse = "refuse_lease_" + failing.toString().substring(0, 8);
        jdbc.execute("CREATE FUNCTION " + refuse + "() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'lease refused'; END $$");
        jdbc.execute("CREATE TRIGGER " + refuse + " BEFORE INSERT OR UPDATE ON ad_allowance_leases FOR EACH ROW"
                + " WHEN (NEW.campaign_id = '" + failing + "') EXECUTE FUNCTION " + refuse + "()");
        try {
            Replica replica = replica("00000015", leasing, clock);
            replica.serving().refresh();

            assertThat(replica.promise(refreshed, region, 1)).isPositive();
            assertThat(replica.available(failing)).isZero();
        } finally {
            jdbc.execute("DROP TRIGGER " + refuse + " ON ad_allowance_leases");
            jdbc.execute("DROP FUNCTION " + refuse + "()");
        }
    }

    @Test
    void anIdleReplicaGivesBackItsLeaseToTheReplicaBeingBidOn() {
        String region = "D" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Bid on by one replica of two", region)));
        seedAllowance(id.toString(), "1.00");
        AllowanceLeaseProperties half = new AllowanceLeaseProperties(0.5, leasing.ttl());
        MutableClock idleClock = MutableClock.of(clock.instant(), ZoneOffset.UTC);
        Replica idle = replica("00000016", half, idleClock);
        Replica serving = replica("00000017", half, clock);
        idle.serving().refresh();
        serving.serving().refresh();
        BigDecimal idleLease = leaseOf(id, "00000016");
        long firstLease = serving.promise(id, region, 500);
        assertThat(serving.promise(id, region, 1)).as("all its lease promised").isZero();

        // no bid request reaches the idle replica over several refresh intervals
        for (int refresh = 0; refresh < 6; refresh++) {
            idleClock.add(properties.refreshInterval());
            idle.serving().refresh();
        }
        serving.serving().refresh();

        assertThat(leaseOf(id, "00000016")).isLessThan(idleLease.divide(BigDecimal.TWO));
        assertThat(serving.promise(id, region, 500)).isPositive();
        assertThat(firstLease).isPositive();
    }

    @Test
    void refreshesWithinOneRefreshIntervalDoNotShrinkTheLeaseOfACampaignBeingBidOn() {
        String region = "B" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Bid on through an allocation round", region)));
        seedAllowance(id.toString(), "1.00");
        AllowanceLeaseProperties half = new AllowanceLeaseProperties(0.5, leasing.ttl());
        MutableClock busyClock = MutableClock.of(clock.instant(), ZoneOffset.UTC);
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
        assertThat(busy.available(id)).isEqualTo(Math.round(lease.doubleValue() * 1_000_000) - claimed);
    }

    @Test
    void aGiveBackThatFailsLeavesTheLeaseToBidOnAndCountsNoClaimOfBidsInIt() {
        String region = "G" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(activeCampaign(campaign("Given back in vain", region)));
        seedAllowance(id.toString(), "1.00");
        AllowanceLeaseProperties half = new AllowanceLeaseProperties(0.5, leasing.ttl());
        MutableClock idleClock = MutableClock.of(clock.instant(), ZoneOffset.UTC);
        Replica idle = replica("0000001a", half, idleClock);
        idle.serving().refresh();
        BigDecimal lease = leaseOf(id, "0000001a");
        long available = idle.available(id);
        String refuse = "refuse_give_back_" + id.toString().substring(0, 8);
        jdbc.execute("CREATE FUNCTION " + refuse + "() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'give-back refused'; END $$");
        jdbc.execute("CREATE TRIGGER " + refuse + " BEFORE UPDATE ON ad_allowance_leases FOR EACH ROW"
                + " WHEN (NEW.campaign_id = '" + id + "' AND NEW.replica = '0000001a') EXECUTE FUNCTION "
                + refuse + "()");
        try {
            // idle long enough that the replica gives back all but an eighth of its share, and fails to
            for (int refresh = 0; refresh < 6; refresh++) {
                idleClock.add(properties.refreshInterval());
                idle.serving().refresh();
            }

            assertThat(leaseOf(id, "0000001a")).isEqualByComparingTo(lease);
            assertThat(idle.available(id)).isPositive().isEqualTo(available);
        } finally {
            jdbc.execute("DROP TRIGGER " + refuse + " ON ad_allowance_leases");
            jdbc.execute("DROP FUNCTION " + refuse + "()");
        }

        idleClock.add(properties.refreshInterval());
        idle.serving().refresh();

        assertThat(leaseOf(id, "0000001a")).isLessThan(lease.divide(BigDecimal.TWO));
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
            return serving.current().entries().stream()
                    .filter(entry -> entry.id().equals(campaignId))
                    .mapToLong(ServingSnapshot.Entry::availableMicros)
                    .sum();
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
                        claimed += ClaimHold.claimMicros(Math.round(bid.price() * BidDecider.PRICE_UNITS_PER_CPM));
                    }
                }
            }
            return claimed;
        }
    }
}
