package com.agentfactory.ad.exchange;

import com.agentfactory.ad.delivery.CampaignDelivery;
import com.agentfactory.ad.delivery.DeliveryLedger;
import com.agentfactory.ad.policy.MarketPriceDistribution;
import com.agentfactory.ad.policy.RlbValueFunction;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per campaign, the RLB bidding function from its market statistics, solved off the bid path on a schedule: the
 * histogram of the clearing prices of its recent wins (the market prices it saw), its click rate shrunk towards the
 * pooled rate, and the rate at which it is eligible for auctions (measured between refreshes). A campaign with too
 * few wins, or whose auction rate is not measured yet, has none and is bid linearly.
 *
 * <p>The clearing prices of won auctions only are a censored sample of the market (lost auctions' prices are
 * unknown); the RLB paper fits its histogram on the same kind of log.
 */
@Component
class MarketModels {

    private static final Logger log = LoggerFactory.getLogger(MarketModels.class);

    private final DeliveryLedger delivery;
    private final ExchangeProperties exchange;
    private final RlbProperties properties;
    private final Clock clock;
    private final Map<UUID, long[]> firstSeen = new ConcurrentHashMap<>(); // epoch second, eligible
    private volatile Map<UUID, MarketBidding> markets = Map.of();

    MarketModels(DeliveryLedger delivery, ExchangeProperties exchange, RlbProperties properties, Clock clock) {
        this.delivery = delivery;
        this.exchange = exchange;
        this.properties = properties;
        this.clock = clock;
    }

    /** The campaign's RLB bidding, or null while its market statistics are too few. */
    MarketBidding of(UUID campaignId) {
        return markets.get(campaignId);
    }

    @Scheduled(
            fixedDelayString = "${agentfactory.ad.exchange.rlb.refresh-interval:5m}",
            initialDelayString = "${agentfactory.ad.exchange.refresh-interval}")
    void refresh() {
        try {
            Instant now = clock.instant();
            int maxUnits = (int) Math.ceil(exchange.maxPriceCpm() / properties.unitCpm());
            Map<UUID, long[]> prices =
                    delivery.clearingPrices(now.minus(properties.window()), properties.unitCpm(), maxUnits);
            Map<UUID, CampaignDelivery> delivered = delivery.all();
            long impressions = 0;
            long clicks = 0;
            for (CampaignDelivery d : delivered.values()) {
                impressions += d.impressions();
                clicks += d.clicks();
            }
            double pooledCtr = impressions == 0 ? exchange.defaultCtr() : (double) clicks / impressions;
            Map<UUID, MarketBidding> solved = new HashMap<>();
            for (CampaignDelivery d : delivered.values()) {
                double rate = auctionRate(d, now);
                long[] histogram = prices.get(d.campaignId());
                if (rate <= 0 || histogram == null || total(histogram) < properties.minWins()) {
                    continue;
                }
                double ctr = (exchange.priorStrength() * pooledCtr + d.clicks())
                        / (exchange.priorStrength() + d.impressions());
                solved.put(
                        d.campaignId(), solve(histogram, ctr, rate, properties.unitCpm(), properties.tableAuctions()));
            }
            markets = Map.copyOf(solved);
        } catch (RuntimeException e) {
            log.warn(
                    "market statistics not refreshed, bidding on the previous ones: {}",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
    }

    /**
     * Solves the value function for {@code tableAuctions} auctions with a budget of up to four times the mean
     * clearing price per auction: beyond that the budget hardly binds, and the bid saturates at the table's edge.
     */
    static MarketBidding solve(
            long[] histogram, double ctr, double auctionsPerSecond, double unitCpm, int tableAuctions) {
        double wins = total(histogram);
        double mean = 0;
        for (int p = 0; p < histogram.length; p++) {
            mean += p * histogram[p] / wins;
        }
        long budget = (long) Math.ceil(tableAuctions * Math.max(1, Math.min(histogram.length - 1, 4 * (mean + 1))));
        RlbValueFunction function =
                RlbValueFunction.solve(tableAuctions, budget, ctr, MarketPriceDistribution.fromCounts(histogram));
        return new MarketBidding(function, unitCpm, auctionsPerSecond);
    }

    /** Eligible auctions per second since the campaign was first seen, 0 until measured long enough. */
    private double auctionRate(CampaignDelivery d, Instant now) {
        long[] first = firstSeen.computeIfAbsent(d.campaignId(), id -> new long[] {now.getEpochSecond(), d.eligible()});
        double seconds = now.getEpochSecond() - first[0];
        // at least a second, so that a zero setting cannot divide by zero
        long needed = Math.max(1, properties.minMeasured().toSeconds());
        return seconds < needed ? 0 : (d.eligible() - first[1]) / seconds;
    }

    private static long total(long[] histogram) {
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        return total;
    }
}
