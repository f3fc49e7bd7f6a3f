package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class ClaimHoldTest {

    private static final Duration HOLD = Duration.ofMinutes(2);

    private final MutableClock clock = MutableClock.of(BidDeciderTest.NOON, ZoneOffset.UTC);
    private final ClaimHold claims = new ClaimHold(HOLD, clock);
    // 30 CPM a bid, 0.03 an impression (see BidDeciderTest)
    private final ServingSnapshot.Entry campaign = BidDeciderTest.entry("1.5", 0, 0);
    private final ServingSnapshot.Counters counters = new ServingSnapshot.Counters();
    private final BidDecider decider = new BidDecider(
            new EmpiricalBayesClickPredictor(200, 0.01, 0.05), new LinearBidShaper(), BidDeciderTest.PROPERTIES);

    @Test
    void whatAClaimCoversIsTheHighestPriceThatClaimsNoMore() {
        for (long priceUnits : new long[] {1, 9, 10, 11, 500_000, 123_457}) {
            long micros = ClaimHold.claimMicros(priceUnits);
            assertThat(ClaimHold.priceUnitsCovered(micros)).isGreaterThanOrEqualTo(priceUnits);
            assertThat(ClaimHold.claimMicros(ClaimHold.priceUnitsCovered(micros)))
                    .isEqualTo(micros);
            assertThat(ClaimHold.priceUnitsCovered(micros - 1)).isLessThan(priceUnits);
        }
    }

    @Test
    void bidsWhoseWinsComeAfterARefreshStillCountAgainstTheAllowanceUntilTheHoldPasses() {
        ServingSnapshot first = refresh(0.09);
        clock.add(Duration.ofMillis(100));
        Instant bidAt = clock.instant();
        assertThat(List.of(bid(first), bid(first), bid(first)))
                .allSatisfy(price -> assertThat(price).hasValue(30.0));
        assertThat(bid(first)).as("the allowance is all claimed").isEmpty();

        clock.add(Duration.ofSeconds(1));
        ServingSnapshot beforeAnyWin = refresh(0.09);
        assertThat(bid(beforeAnyWin))
                .as("no win recorded yet, the three bids may still win")
                .isEmpty();

        // one of them wins at 20 CPM: the allowance counts 0.02 of what the bid claimed 0.03 for
        claims.ownWinRecorded(campaign.id(), bidAt.truncatedTo(ChronoUnit.MILLIS), ClaimHold.claimMicros(300_000));
        clock.add(Duration.ofSeconds(1));
        ServingSnapshot afterTheWin = refresh(0.07);
        assertThat(bid(afterTheWin))
                .as("the win is not subtracted twice: what it cost less than its bid is left")
                .hasValue(10.0);

        clock.add(HOLD.minusSeconds(3));
        assertThat(bid(refresh(0.07)))
                .as("the two bids without a win are still held")
                .isEmpty();

        clock.add(Duration.ofSeconds(2));
        ServingSnapshot afterTheHold = refresh(0.07);
        assertThat(bid(afterTheHold))
                .as("the lost bids are let go, the bid after the win still held")
                .hasValue(30.0);
        assertThat(afterTheHold.entries().getFirst().availableMicros()).isEqualTo(70_000 - 10_000 - 30_000);
    }

    @Test
    void refusesAClaimHoldLongerThanTheWinNoticeWindowOrNone() {
        assertThatThrownBy(() -> new WinNoticeProperties(
                        "a-win-notice-secret",
                        "https://ads.example/win",
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most the win-notice window");
        assertThatThrownBy(() -> new WinNoticeProperties(
                        "a-win-notice-secret", "https://ads.example/win", Duration.ofMinutes(10), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new WinNoticeProperties(
                                "a-win-notice-secret",
                                "https://ads.example/win",
                                Duration.ofMinutes(10),
                                Duration.ofMinutes(10))
                        .claimHold())
                .isEqualTo(Duration.ofMinutes(10));
    }

    private ServingSnapshot refresh(double remaining) {
        long accounted = claims.accounted(Map.of(campaign.id(), counters)).getOrDefault(campaign.id(), 0L);
        return new ServingSnapshot(
                List.of(new ServingSnapshot.Entry(
                        campaign.campaign(),
                        campaign.creatives(),
                        0,
                        0,
                        0,
                        remaining,
                        0,
                        counters,
                        null,
                        accounted,
                        Instant.MAX,
                        0)),
                0,
                0);
    }

    /** @return the CPM bid, if any */
    private Optional<Double> bid(ServingSnapshot snapshot) {
        return decider.decide(BidDeciderTest.request(300, "BE", 0), snapshot, clock.instant())
                .map(response -> response.seatbid().getFirst().bid().getFirst().price());
    }
}
