package com.agentfactory.ad.policy;

/**
 * What a policy knows when an auction arrives.
 *
 * @param remainingBudget budget left in this period, in price units
 * @param periodBudget the period's whole budget
 * @param remainingAuctions auctions left in this period, this one included
 * @param periodAuctions auctions expected in the whole period
 * @param pctr predicted click probability of this impression
 * @param recentWinRate share of the recent auctions won (0 when none seen yet)
 * @param recentMeanPrice mean price paid for the recent wins (0 when none)
 */
public record BidState(
        long remainingBudget,
        long periodBudget,
        int remainingAuctions,
        int periodAuctions,
        double pctr,
        double recentWinRate,
        double recentMeanPrice) {

    public BidState {
        if (remainingBudget < 0 || periodBudget < 0 || remainingAuctions < 0 || periodAuctions <= 0) {
            throw new IllegalArgumentException("budget and auction counts must not be negative");
        }
        if (!(pctr >= 0 && pctr <= 1)) {
            throw new IllegalArgumentException("pctr must be in [0, 1]: " + pctr);
        }
    }

    /** A state with no market history, as at the start of a period. */
    public static BidState of(
            long remainingBudget, long periodBudget, int remainingAuctions, int periodAuctions, double pctr) {
        return new BidState(remainingBudget, periodBudget, remainingAuctions, periodAuctions, pctr, 0, 0);
    }

    /** Share of the period's budget spent divided by the share of its auctions seen; 1 is on plan. */
    public double pacingRatio() {
        double elapsed = (periodAuctions - remainingAuctions) / (double) periodAuctions;
        if (elapsed <= 0 || periodBudget == 0) {
            return 1;
        }
        double spent = (periodBudget - remainingBudget) / (double) periodBudget;
        return spent / elapsed;
    }
}
