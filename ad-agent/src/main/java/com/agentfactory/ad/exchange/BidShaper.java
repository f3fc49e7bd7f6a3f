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
     */
    record ShapingContext(double bidFactor, double pacing, double remainingAllowance) {}
}
