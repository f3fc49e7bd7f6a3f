package com.agentfactory.ad.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RlbValueFunctionTest {

    private final CampaignStatistics training = TrainingStatistics.small();
    private final MarketPriceDistribution prices = MarketPriceDistribution.fromCounts(training.marketPriceCounts());

    @Test
    void valueGrowsWithBudgetAndWithAuctionsLeft() {
        RlbValueFunction v = RlbValueFunction.solve(200, 600, training.averageCtr(), prices);

        for (int n = 0; n < v.tableAuctions(); n++) {
            for (int b = 1; b <= v.tableBudget(); b++) {
                // up to rounding where V saturates at its unconstrained maximum
                assertThat(v.value(n, b)).isGreaterThanOrEqualTo(v.value(n, b - 1) - 1e-12);
            }
        }
        assertThat(v.value(199, 600)).isGreaterThan(v.value(10, 600));
        assertThat(v.value(199, 600)).isGreaterThan(v.value(199, 20));
    }

    @Test
    void valueNeverExceedsOneAverageClickPerAuction() {
        RlbValueFunction v = RlbValueFunction.solve(100, 5_000, training.averageCtr(), prices);

        assertThat(v.value(99, 5_000)).isLessThanOrEqualTo(99 * training.averageCtr() + 1e-9);
    }

    @Test
    void bidsNothingWithoutBudgetOrAuctions() {
        RlbValueFunction v = RlbValueFunction.solve(100, 300, training.averageCtr(), prices);

        assertThat(v.bid(50, 0, 0.5)).isZero();
        assertThat(v.bid(0, 300, 0.5)).isZero();
    }

    @Test
    void bidsNeverExceedTheRemainingBudgetOrTheHighestPrice() {
        RlbValueFunction v = RlbValueFunction.solve(100, 300, training.averageCtr(), prices);
        Random random = new Random(7);

        for (int i = 0; i < 5_000; i++) {
            int n = 1 + random.nextInt(100);
            long b = random.nextInt(301);
            double pctr = random.nextDouble() * 0.05;
            long bid = v.bid(n, b, pctr);
            assertThat(bid).isBetween(0L, Math.min(b, 50));
        }
    }

    @Test
    void bidsMoreForLikelierClicks() {
        RlbValueFunction v = RlbValueFunction.solve(100, 300, training.averageCtr(), prices);

        assertThat(v.bid(100, 300, 0.02)).isGreaterThan(v.bid(100, 300, 0.001));
    }

    @Test
    void largePeriodsUseTheScaledDownTableAndStayWithinBudget() {
        RlbValueFunction v = RlbValueFunction.solve(10_000, 30_000, training.averageCtr(), prices, 200_000);

        assertThat(v.tableAuctions()).isLessThan(10_000);
        assertThat((long) v.tableAuctions() * (v.tableBudget() + 1)).isLessThanOrEqualTo(200_000);
        long bid = v.bid(10_000, 30_000, 0.01);
        assertThat(bid).isPositive().isLessThanOrEqualTo(50);
        assertThat(v.bid(10_000, 3, 0.5)).isLessThanOrEqualTo(3);
    }
}
