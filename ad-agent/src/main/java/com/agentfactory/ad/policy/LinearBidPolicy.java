package com.agentfactory.ad.policy;

/**
 * Linear bidding (Perlich et al. 2012): bid = b0 x pCTR / average CTR, capped by the highest market price and the
 * remaining budget. b0 is the bid for an impression of average CTR, tuned offline on past auctions.
 */
public final class LinearBidPolicy implements BidPolicy {

    private final double baseBid;
    private final double averageCtr;
    private final long maxBid;

    public LinearBidPolicy(double baseBid, double averageCtr, long maxBid) {
        if (baseBid < 0 || !(averageCtr > 0) || maxBid < 0) {
            throw new IllegalArgumentException("b0 and max bid must not be negative, average CTR must be positive");
        }
        this.baseBid = baseBid;
        this.averageCtr = averageCtr;
        this.maxBid = maxBid;
    }

    @Override
    public String name() {
        return "lin";
    }

    public double baseBid() {
        return baseBid;
    }

    @Override
    public long bid(BidState state) {
        long bid = Math.min((long) (state.pctr() * baseBid / averageCtr), maxBid);
        return Math.min(bid, state.remainingBudget());
    }
}
