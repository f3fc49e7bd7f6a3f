package com.agentfactory.ad.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinearBidPolicyTest {

    @Test
    void bidsBaseBidTimesRelativeCtrCappedByBudgetAndMaxPrice() {
        LinearBidPolicy lin = new LinearBidPolicy(20, 0.004, 300);

        assertThat(lin.bid(BidState.of(1_000, 1_000, 10, 10, 0.008))).isEqualTo(40);
        assertThat(lin.bid(BidState.of(25, 1_000, 10, 10, 0.008))).isEqualTo(25);
        assertThat(lin.bid(BidState.of(1_000, 1_000, 10, 10, 0.5))).isEqualTo(300);
        assertThat(lin.bid(BidState.of(0, 1_000, 10, 10, 0.5))).isZero();
    }

    @Test
    void rejectsANonPositiveAverageCtr() {
        assertThatThrownBy(() -> new LinearBidPolicy(20, 0, 300)).isInstanceOf(IllegalArgumentException.class);
    }
}
