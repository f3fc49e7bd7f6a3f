package com.agentfactory.ad.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetPacerTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-02T00:00:00Z");
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
    private final BidPolicy bidsFifty = new LinearBidPolicy(50, 0.01, 300);

    @Test
    void plansALinearSpend() {
        BudgetPacer pacer = new BudgetPacer(1_000, START, END, 0.05);

        assertThat(pacer.plannedSpend(NOON)).isEqualTo(500.0);
        assertThat(pacer.plannedSpend(END.plusSeconds(60))).isEqualTo(1_000.0);
    }

    @Test
    void throttlesWhileSpendRunsAheadOfThePlan() {
        BudgetPacer pacer = new BudgetPacer(1_000, START, END, 0.05);
        pacer.recordWin(600);

        assertThat(pacer.throttled(NOON)).isTrue();
        assertThat(pacer.bid(bidsFifty, 0.01, NOON, 100, 1_000, 0, 0)).isZero();
        assertThat(pacer.bid(bidsFifty, 0.01, Instant.parse("2026-12-01T15:00:00Z"), 100, 1_000, 0, 0))
                .isEqualTo(50);
    }

    @Test
    void capsTheBidByTheBudgetLeftAndNeverOverspends() {
        BudgetPacer pacer = new BudgetPacer(100, START, END, 1.0);
        assertThat(pacer.recordWin(80)).isTrue();

        assertThat(pacer.bid(bidsFifty, 0.01, NOON, 100, 1_000, 0, 0)).isEqualTo(20);
        assertThat(pacer.recordWin(30)).isFalse();
        assertThat(pacer.spent()).isEqualTo(80);
        assertThat(pacer.recordWin(20)).isTrue();
        assertThat(pacer.bid(bidsFifty, 0.01, NOON, 100, 1_000, 0, 0)).isZero();
    }
}
