package com.agentfactory.ad.exchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The bid path's figures for Prometheus, over all campaigns since the process started: bid requests, bids, wins, win
 * rate, spend per currency, spend beyond the allowances, clicks, and the calibration of the click prediction: the pCTR
 * of each won impression (remembered from its bid) summed as expected clicks, against the clicks those same impressions
 * got.
 *
 * <p>The pCTR of a bid is held in memory until its win notice comes (at most {@link #PENDING_BIDS} bids for
 * {@link #WIN_WAIT}), and a won impression until its click (at most {@link #WON_IMPRESSIONS} for
 * {@link #CLICK_WAIT}): an impression outside those bounds, or won before a restart, is left out of the calibration,
 * not counted as unclicked. Per-campaign figures come from the delivery ledger (see the performance feature).
 */
@Component
class BidMetrics implements BidDecider.BidRecorder {

    static final int PENDING_BIDS = 200_000;
    static final Duration WIN_WAIT = Duration.ofMinutes(5);
    static final int WON_IMPRESSIONS = 200_000;
    static final Duration CLICK_WAIT = Duration.ofHours(1);

    private final MeterRegistry registry;
    private final Counter requests;
    private final Counter bids;
    private final Counter wins;
    private final Counter clicks;
    private final Counter expectedClicks;
    private final Counter observedClicks;
    private final Map<String, Counter> spend = new ConcurrentHashMap<>();
    private final Map<String, Counter> overspend = new ConcurrentHashMap<>();
    private final Counter overspentWins;
    private final Cache<String, Double> pendingBids = Caffeine.newBuilder()
            .maximumSize(PENDING_BIDS)
            .expireAfterWrite(WIN_WAIT)
            .build();
    private final Cache<String, Boolean> wonWithPrediction = Caffeine.newBuilder()
            .maximumSize(WON_IMPRESSIONS)
            .expireAfterWrite(CLICK_WAIT)
            .build();

    BidMetrics(MeterRegistry registry) {
        this.registry = registry;
        requests = Counter.builder("ad.bid.requests")
                .description("bid requests received from exchanges")
                .register(registry);
        bids = Counter.builder("ad.bids").description("bids made").register(registry);
        wins = Counter.builder("ad.wins")
                .description("bids won (win notices recorded)")
                .register(registry);
        overspentWins = Counter.builder("ad.wins.overspent")
                .description("wins recorded although the campaign's allowance could not cover them")
                .register(registry);
        clicks = Counter.builder("ad.clicks")
                .description("clicks on won impressions")
                .register(registry);
        expectedClicks = Counter.builder("ad.pctr.expected.clicks")
                .description("sum of the pCTR at bid time of the won impressions whose prediction is known")
                .register(registry);
        observedClicks = Counter.builder("ad.pctr.observed.clicks")
                .description("clicks on the won impressions whose prediction is known")
                .register(registry);
        Gauge.builder("ad.win.rate", this, BidMetrics::winRate)
                .description("wins / bids since the start")
                .register(registry);
        Gauge.builder("ad.pctr.calibration", this, BidMetrics::calibration)
                .description("observed / expected clicks of the won impressions with a known pCTR; 1 is calibrated")
                .register(registry);
    }

    void request() {
        requests.increment();
    }

    @Override
    public void bid(String bidId, double pctr) {
        bids.increment();
        pendingBids.put(bidId, pctr);
    }

    /** A win recorded (and paid) for the first time. */
    void won(String bidId, BigDecimal cost, String currency) {
        wins.increment();
        spend.computeIfAbsent(currency, c -> Counter.builder("ad.spend")
                        .description("spend on won impressions, in the currency's main unit")
                        .tag("currency", c)
                        .register(registry))
                .increment(cost.doubleValue());
        Double pctr = pendingBids.asMap().remove(bidId);
        if (pctr != null) {
            expectedClicks.increment(pctr);
            wonWithPrediction.put(bidId, Boolean.TRUE);
        }
    }

    /** A win (counted by {@link #won}) that the allowance could not cover but is owed to the exchange. */
    void overspent(BigDecimal cost, String currency) {
        overspentWins.increment();
        overspend
                .computeIfAbsent(currency, c -> Counter.builder("ad.overspend")
                        .description("spend of wins beyond the allowances, in the currency's main unit")
                        .tag("currency", c)
                        .register(registry))
                .increment(cost.doubleValue());
    }

    /** A click recorded for the first time. */
    void clicked(String bidId) {
        clicks.increment();
        if (wonWithPrediction.asMap().remove(bidId) != null) {
            observedClicks.increment();
        }
    }

    double winRate() {
        double placed = bids.count();
        return placed == 0 ? Double.NaN : wins.count() / placed;
    }

    double calibration() {
        double expected = expectedClicks.count();
        return expected == 0 ? Double.NaN : observedClicks.count() / expected;
    }
}
