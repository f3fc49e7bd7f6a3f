package com.agentfactory.ad.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DqnBidPolicyTest {

    private final CampaignStatistics training = TrainingStatistics.small();
    private final RlbBidPolicy rlb = RlbBidPolicy.forPeriod(training, 100, 300);

    @Test
    void choosesOncePerSegmentAndBidsTheRlbBidTimesTheChosenMultiplier() {
        List<float[]> decisions = new ArrayList<>();
        int largest = DqnBidPolicy.MULTIPLIERS.size() - 1;
        DqnBidPolicy dqn = new DqnBidPolicy(
                rlb,
                features -> {
                    decisions.add(features);
                    return largest;
                },
                training.averageCtr());
        dqn.startEpisode(300, 100);

        long bid = 0;
        for (int n = 100; n >= 1; n--) {
            BidState state = BidState.of(300, 300, n, 100, 0.01);
            bid = dqn.bid(state);
            long expected = Math.min(300, (long) (rlb.bid(state) * DqnBidPolicy.MULTIPLIERS.get(largest)));
            assertThat(bid).isEqualTo(Math.min(expected, 50));
        }
        assertThat(decisions).hasSize(DqnBidPolicy.SEGMENTS);
        assertThat(decisions.getFirst()).hasSize(DqnBidPolicy.FEATURES);
        assertThat(bid).isPositive();
    }

    @Test
    void greedyPolicyNeverBidsAboveTheRemainingBudget() {
        DqnBidPolicy dqn = DqnBidPolicy.greedy(rlb, features -> new float[] {0, 0, 0, 0, 9}, training.averageCtr());
        dqn.startEpisode(300, 100);

        for (long budget = 0; budget <= 60; budget++) {
            assertThat(dqn.bid(BidState.of(budget, 300, 50, 100, 0.05))).isBetween(0L, budget);
        }
    }
}
