package com.agentfactory.ad.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RlbBidShaperTest {

    private static final double CTR = 0.005;

    /** Clearing prices of 1.5 to 2.75 CPM in units of 0.25 CPM. */
    private static MarketBidding market() {
        long[] histogram = new long[201];
        for (int unit = 6; unit <= 11; unit++) {
            histogram[unit] = 100;
        }
        return MarketModels.solve(histogram, CTR, 10, 0.25, 50);
    }

    private static BidShaper.ShapingContext context(double pctr, double remainingToday, MarketBidding market) {
        return new BidShaper.ShapingContext(1.0, 1.0, remainingToday, pctr, remainingToday, 3600, market);
    }

    private final RlbBidShaper shaper = new RlbBidShaper();

    @Test
    void bidsLinearlyWhileTheCampaignsMarketIsUnknown() {
        assertThat(shaper.bid(0.01, new BidShaper.ShapingContext(1.5, 1.0, 5, CTR, 5, 3600, null)))
                .isEqualTo(0.015);
    }

    @Test
    void shadesBidsBelowTheLinearBidWhenTheBudgetIsTightAndBidsMoreForLikelierClicks() {
        MarketBidding market = market();
        // 36,000 auctions expected in the hour left, 20 to spend: 0.56 CPM an auction, a quarter of the market price
        double average = shaper.bid(0.01, context(CTR, 20, market));
        double likely = shaper.bid(0.01, context(4 * CTR, 20, market));

        assertThat(average).isLessThan(0.01);
        assertThat(likely).isGreaterThan(average);
        assertThat(likely).isLessThanOrEqualTo(0.01);
    }

    @Test
    void keepsTheLinearBidWhenTheBudgetDoesNotBind() {
        assertThat(shaper.bid(0.001, context(CTR, 1_000_000, market()))).isEqualTo(0.001);
    }

    @Test
    void neverBidsWithoutBudgetLeft() {
        assertThat(shaper.bid(0.01, context(CTR, 0, market()))).isZero();
    }
}
