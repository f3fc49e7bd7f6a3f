package com.agentfactory.ad.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.policy.CampaignStatistics;
import com.agentfactory.ad.policy.LinearBidPolicy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LinearBidTunerTest {

    private final AuctionMarket market = SyntheticMarket.generate(SyntheticMarket.DISPLAY, 4_000, 3);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void stopsSearchingUpwardsOnceEveryBidIsAtTheCap() {
        CampaignStatistics training = market.training();

        // no budget: every b0 wins nothing, so each ties with the best so far
        LinearBidPolicy lin = LinearBidTuner.tune(market.log(), training, 500, 0);

        assertThat(lin.baseBid()).isGreaterThanOrEqualTo(training.maxMarketPrice());
    }

    @Test
    void tunesABaseBidThatWinsClicksWithABudget() {
        CampaignStatistics training = market.training();
        long budget = training.budget(500, 1.0 / 8);

        LinearBidPolicy lin = LinearBidTuner.tune(market.log(), training, 500, budget);

        assertThat(lin.baseBid()).isPositive().isLessThan(training.maxMarketPrice());
        assertThat(new AuctionReplay(500, budget).run(lin, market.log()).clicks())
                .isPositive();
    }
}
