package com.agentfactory.ad.simulation;

import com.agentfactory.ad.policy.CampaignStatistics;
import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A second-price market drawn from a seed, for comparing policies when no logged campaign is at hand. Market prices
 * are log-normal (mostly cheap, a long tail of dear impressions, capped), click probabilities Beta-distributed (most
 * impressions are rarely clicked, a few often) and each auction's click is drawn from its pCTR, so the pCTR a policy
 * sees is calibrated as a trained model's would be. The training statistics are counted on a separate, larger draw
 * of the same market, as a campaign's training days precede its test days. The same seed gives the same market.
 */
final class SyntheticMarket {

    /** Training auctions per test auction, about the ratio of an iPinYou campaign's training and test logs. */
    static final int TRAINING_FACTOR = 5;

    /**
     * Prices as an iPinYou campaign's (CPM in fen, up to 300, a median of 60); the CTR of 1% is ten times theirs, so
     * that a log of 20,000 auctions holds enough clicks to tell policies apart.
     */
    static final Shape DISPLAY = new Shape(60, 0.75, 300, 0.01, 200);

    // the draws of the test log and of the training period come from streams of their own, so neither shifts when the
    // other's length changes
    private static final int TEST_STREAM = 0;
    private static final int TRAINING_STREAM = 1;

    private SyntheticMarket() {}

    /**
     * How the market is drawn.
     *
     * @param priceSpread the log-normal's shape: the standard deviation of log(price)
     * @param ctrConcentration alpha + beta of the pCTR's Beta distribution: the smaller, the more the clicks gather on
     *     few impressions
     */
    record Shape(double medianPrice, double priceSpread, int maxPrice, double meanCtr, double ctrConcentration) {

        Shape {
            if (!(medianPrice > 0) || !(priceSpread > 0) || maxPrice < 1) {
                throw new IllegalArgumentException("median price, spread and highest price must be positive");
            }
            if (!(meanCtr > 0 && meanCtr < 1) || !(ctrConcentration > 0)) {
                throw new IllegalArgumentException("mean CTR must be in (0, 1), concentration positive");
            }
        }
    }

    /** {@code auctions} test auctions and the statistics of {@link #TRAINING_FACTOR} times as many training ones. */
    static AuctionMarket generate(Shape shape, int auctions, long seed) {
        return new AuctionMarket(statistics(shape, auctions * TRAINING_FACTOR, seed), auctions(shape, auctions, seed));
    }

    /** The test log alone. */
    static AuctionLog auctions(Shape shape, int auctions, long seed) {
        if (auctions <= 0) {
            throw new IllegalArgumentException("auctions must be positive");
        }
        Draws draws = new Draws(shape, seed, TEST_STREAM);
        byte[] clicks = new byte[auctions];
        int[] prices = new int[auctions];
        double[] pctrs = new double[auctions];
        for (int i = 0; i < auctions; i++) {
            prices[i] = draws.price();
            pctrs[i] = draws.pctr();
            clicks[i] = draws.clicked(pctrs[i]) ? (byte) 1 : 0;
        }
        return new AuctionLog(clicks, prices, pctrs);
    }

    /** What a campaign's training period would record: impressions, clicks, cost and the price histogram. */
    static CampaignStatistics statistics(Shape shape, int auctions, long seed) {
        Draws draws = new Draws(shape, seed, TRAINING_STREAM);
        long[] counts = new long[shape.maxPrice() + 1];
        long clicks = 0;
        long cost = 0;
        int highest = 0;
        for (int i = 0; i < auctions; i++) {
            int price = draws.price();
            if (draws.clicked(draws.pctr())) {
                clicks++;
            }
            counts[price]++;
            cost += price;
            highest = Math.max(highest, price);
        }
        // the histogram ends at the dearest price seen, as a logged campaign's does: it is the policies' bid cap
        return new CampaignStatistics(auctions, clicks, cost, Arrays.copyOf(counts, highest + 1));
    }

    private static final class Draws {
        private final RandomGenerator random;
        private final LogNormalDistribution prices;
        private final BetaDistribution pctrs;
        private final int maxPrice;

        Draws(Shape shape, long seed, int stream) {
            this.random = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), stream});
            this.prices = new LogNormalDistribution(random, Math.log(shape.medianPrice()), shape.priceSpread());
            double alpha = shape.meanCtr() * shape.ctrConcentration();
            this.pctrs = new BetaDistribution(
                    random,
                    alpha,
                    shape.ctrConcentration() - alpha,
                    BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
            this.maxPrice = shape.maxPrice();
        }

        int price() {
            return (int) Math.min(maxPrice, Math.round(prices.sample()));
        }

        double pctr() {
            return pctrs.sample();
        }

        boolean clicked(double pctr) {
            return random.nextDouble() < pctr;
        }
    }
}
