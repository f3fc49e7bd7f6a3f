package com.agentfactory.ad.exchange;

import com.agentfactory.ad.policy.RlbValueFunction;

/**
 * A campaign's RLB bidding function, solved from the clearing prices of its recent wins: bids in price units of
 * {@code unitCpm} CPM for a period of auctions arriving at {@code auctionsPerSecond}.
 */
record MarketBidding(RlbValueFunction function, double unitCpm, double auctionsPerSecond) {

    /**
     * The RLB bid per impression (in the campaign's currency) for an impression of click probability {@code pctr},
     * with {@code remainingBudget} to spend in the {@code secondsLeft} left of the day.
     */
    double perImpression(double pctr, double remainingBudget, double secondsLeft) {
        long auctions = Math.max(1, Math.round(auctionsPerSecond * secondsLeft));
        long budgetUnits = (long) Math.floor(remainingBudget * 1000 / unitCpm);
        long bidUnits = function.bid((int) Math.min(Integer.MAX_VALUE, auctions), budgetUnits, Math.min(1, pctr));
        return bidUnits * unitCpm / 1000;
    }
}
