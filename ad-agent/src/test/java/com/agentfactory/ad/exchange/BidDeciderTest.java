package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.campaign.AdCampaignStatus;
import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdPlatformName;
import com.agentfactory.ad.campaign.CreativeStatus;
import com.agentfactory.ad.campaign.CreativeView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BidDeciderTest {

    static final ExchangeProperties PROPERTIES = new ExchangeProperties(
            Map.of(), 50, 0.1, java.time.Duration.ofSeconds(1), 200, 0.01, 0.05, java.time.Duration.ofDays(7));
    static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

    static ServingSnapshot.Entry entry(String bidFactor, double remaining, double spentToday) {
        return entry(bidFactor, remaining, spentToday, Instant.MAX);
    }

    static ServingSnapshot.Entry entry(String bidFactor, double remaining, double spentToday, Instant bidUntil) {
        UUID id = UUID.randomUUID();
        var campaign = new AdCampaignView(
                id,
                "c",
                AdPlatformName.META,
                "sim",
                AdCampaignStatus.ACTIVE,
                new BigDecimal("100.00"),
                new BigDecimal("1000.00"),
                "EUR",
                null,
                null,
                null,
                new BigDecimal("40.00"),
                new BigDecimal(bidFactor),
                NOON.minusSeconds(86_400),
                null);
        var creative = new CreativeView(
                UUID.randomUUID(), id, null, "banner", 300, 250, "shop.example", CreativeStatus.ACTIVE, 0, 0);
        return new ServingSnapshot.Entry(
                campaign,
                List.of(new ServingSnapshot.Creative(creative, Set.of("BE"))),
                0,
                0,
                0,
                remaining,
                spentToday,
                new ServingSnapshot.Counters(),
                null,
                0,
                bidUntil,
                0);
    }

    static OpenRtb.BidRequest request(int width, String region, double floor) {
        return new OpenRtb.BidRequest(
                "r1",
                List.of(new OpenRtb.Imp("1", new OpenRtb.Banner(width, 250, null), floor, "EUR", null, null)),
                null,
                null,
                new OpenRtb.Device("ua", null, new OpenRtb.Geo(null, region, null), null),
                null,
                null);
    }

    private final BidDecider decider =
            new BidDecider(new EmpiricalBayesClickPredictor(200, 0.01, 0.05), new LinearBidShaper(), PROPERTIES);

    @Test
    void tellsTheReplicaThatMadeABidFromTheBidIdAlone() {
        assertThat(BidDecider.replicaOf(BidDecider.newBidId())).contains(BidDecider.REPLICA);
        assertThat(BidDecider.replicaOf("0000abcd-" + UUID.randomUUID())).contains("0000abcd");
        assertThat(BidDecider.replicaOf("win-" + UUID.randomUUID())).isEmpty();
        assertThat(BidDecider.replicaOf("0000abcd")).isEmpty();
    }

    @Test
    void signsIntoTheWinNoticeUrlTheCustomerTheBidRequestsUserIdNamesAndNoneForAnotherUserId() {
        var notices = new WinNotices(new WinNoticeProperties(
                "bid-decider-test-secret",
                "https://ads.example/win",
                java.time.Duration.ofMinutes(10),
                java.time.Duration.ofMinutes(2)));
        var signing = new BidDecider(
                new EmpiricalBayesClickPredictor(200, 0.01, 0.05),
                new LinearBidShaper(),
                PROPERTIES,
                java.time.ZoneOffset.UTC,
                BidDecider.BidRecorder.NONE,
                notices);
        var snapshot = new ServingSnapshot(List.of(entry("1.5", 50, 0)), 0, 0);
        UUID customer = UUID.randomUUID();

        UUID named = signedCustomer(notices, signing.decide(requestOf(customer.toString()), "adx", snapshot, NOON));
        UUID upperCase = signedCustomer(
                notices, signing.decide(requestOf(customer.toString().toUpperCase()), "adx", snapshot, NOON));
        UUID cookie = signedCustomer(notices, signing.decide(requestOf("exchange-cookie-42"), "adx", snapshot, NOON));
        UUID notQuiteAUuid = signedCustomer(
                notices, signing.decide(requestOf(customer.toString().replace('-', 'x')), "adx", snapshot, NOON));
        UUID none = signedCustomer(notices, signing.decide(requestOf(null), "adx", snapshot, NOON));

        assertThat(named).isEqualTo(customer);
        assertThat(upperCase).isEqualTo(customer);
        assertThat(cookie).isNull();
        assertThat(notQuiteAUuid).isNull();
        assertThat(none).isNull();
    }

    private static OpenRtb.BidRequest requestOf(String userId) {
        var request = request(300, "BE", 0);
        return new OpenRtb.BidRequest(
                request.id(),
                request.imp(),
                request.site(),
                request.app(),
                request.device(),
                userId == null ? null : new OpenRtb.User(userId),
                request.cur());
    }

    /** The customer the bid's nurl vouches for, as a win notice of it would be recorded for. */
    private static UUID signedCustomer(WinNotices notices, Optional<OpenRtb.BidResponse> response) {
        var bid = response.orElseThrow().seatbid().getFirst().bid().getFirst();
        var notice = new WinNotice(
                bid.id(), UUID.fromString(bid.cid()), UUID.fromString(bid.crid()), BigDecimal.valueOf(bid.price()));
        return notices.verify(WinNotices.tokenOf(bid.nurl()), notice, NOON, "adx")
                .customerId();
    }

    @Test
    void bidsValueTimesFactorAsCpm() {
        var entry = entry("1.5", 50, 0);

        var response = decider.decide(request(300, "BE", 0), new ServingSnapshot(List.of(entry), 0, 0), NOON);

        // pCTR 0.01 x pCVR 0.05 x 40 = 0.02 per impression, x 1.5 = 0.03, = 30 CPM
        assertThat(response).hasValueSatisfying(r -> {
            var bid = r.seatbid().getFirst().bid().getFirst();
            assertThat(bid.price()).isEqualTo(30.0);
            assertThat(bid.cid()).isEqualTo(entry.id().toString());
            assertThat(r.cur()).isEqualTo("EUR");
        });
    }

    @Test
    void stopsBiddingOnASnapshotOnceItsLeaseIsTooCloseToItsEnd() {
        var lapsing = new ServingSnapshot(List.of(entry("1.5", 50, 0, NOON.plusSeconds(1))), 0, 0);
        var offered = lapsing.entries().getFirst().counters().offeredMicros;

        assertThat(decider.decide(request(300, "BE", 0), lapsing, NOON)).isPresent();
        long claimedBeforeTheEnd = offered.get();
        assertThat(decider.decide(request(300, "BE", 0), lapsing, NOON.plusSeconds(1)))
                .isEmpty();
        assertThat(offered.get()).isEqualTo(claimedBeforeTheEnd);
    }

    @Test
    void capsTheBidSoOneImpressionFitsTheRemainingAllowance() {
        var response =
                decider.decide(request(300, "BE", 0), new ServingSnapshot(List.of(entry("1.5", 0.005, 0)), 0, 0), NOON);

        assertThat(response.orElseThrow().seatbid().getFirst().bid().getFirst().price())
                .isEqualTo(5.0);
    }

    @Test
    void theBidsOfOneSnapshotIntervalTogetherNeverCostMoreThanTheAllowanceHadLeft() throws Exception {
        // 30 CPM a bid, 0.03 an impression: the 0.10 left pays for three of them and a third
        var snapshot = new ServingSnapshot(List.of(entry("1.5", 0.10, 0)), 0, 0);
        List<Future<Optional<OpenRtb.BidResponse>>> requests = new ArrayList<>();

        try (var exchanges = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 1_000; i++) {
                requests.add(exchanges.submit(() -> decider.decide(request(300, "BE", 0), snapshot, NOON)));
            }
        }

        BigDecimal costIfAllWon = BigDecimal.ZERO;
        int bids = 0;
        for (var request : requests) {
            for (var bid : request.get().map(r -> r.seatbid().getFirst().bid()).orElse(List.of())) {
                // as a win is charged
                costIfAllWon = costIfAllWon.add(
                        BigDecimal.valueOf(bid.price()).divide(BigDecimal.valueOf(1000), 6, RoundingMode.UP));
                bids++;
            }
        }
        assertThat(costIfAllWon).isLessThanOrEqualTo(new BigDecimal("0.10"));
        assertThat(costIfAllWon).as("what was left is still bid").isEqualByComparingTo("0.10");
        assertThat(bids).isEqualTo(4);
    }

    @Test
    void doesNotBidWhenAheadOfPacingOrBelowTheFloorOrForAnotherRegion() {
        var snapshotAhead = new ServingSnapshot(List.of(entry("1.0", 50, 61)), 0, 0);
        var snapshot = new ServingSnapshot(List.of(entry("1.0", 50, 0)), 0, 0);

        assertThat(decider.decide(request(300, "BE", 0), snapshotAhead, NOON)).isEmpty();
        assertThat(decider.decide(request(300, "BE", 25), snapshot, NOON)).isEmpty();
        assertThat(decider.decide(request(300, "FR", 0), snapshot, NOON)).isEmpty();
        assertThat(decider.decide(request(728, "BE", 0), snapshot, NOON)).isEmpty();
    }

    @Test
    void shrinksAYoungCampaignsClickRateTowardsThePooledRate() {
        var predictor = new EmpiricalBayesClickPredictor(200, 0.01, 0.05);
        var young = new ClickPredictor.CampaignHistory(10, 5, 0, 0, 0, 0.01, 0.05);
        var proven = new ClickPredictor.CampaignHistory(100_000, 5_000, 0, 0, 0, 0.01, 0.05);

        assertThat(predictor.clickProbability(null, young)).isBetween(0.01, 0.05);
        assertThat(predictor.clickProbability(null, proven)).isBetween(0.045, 0.05);
    }
}
