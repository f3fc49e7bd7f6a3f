package com.agentfactory.ad.exchange;

/** Turns the expected value of an impression into a bid: the bidding policy. */
public interface BidShaper {

    /**
     * @param value the expected value of the impression (pCTR × pCVR × value per conversion), in the campaign's
     *     currency per impression
     * @return the bid per impression, before the budget and pacing caps; 0 for no bid
     */
    double bid(double value, ShapingContext context);

    /**
     * @param bidFactor the campaign's factor, which optimize-bids moves towards its CPA or ROAS target
     * @param pacing how far ahead of its even spend the campaign is: spent today / (daily budget × share of the day
     *     passed); 1 is on pace
     * @param pctr the impression's predicted click probability
     * @param remainingToday the daily budget not yet spent
     * @param secondsLeftToday seconds until the budget day ends (UTC)
     * @param market the campaign's RLB bidding from its market statistics, or null while there are none
     */
    record ShapingContext(
            double bidFactor,
            double pacing,
            double remainingAllowance,
            double pctr,
            double remainingToday,
            double secondsLeftToday,
            MarketBidding market) {}
}
