package com.agentfactory.ad.policy;

/**
 * The RLB policy: bids from the dynamic-programming value function solved for the period's auctions and budget
 * (see {@link RlbValueFunction}). Stateless once solved, so one instance may serve concurrent requests.
 */
public final class RlbBidPolicy implements BidPolicy {

    private final RlbValueFunction valueFunction;

    public RlbBidPolicy(RlbValueFunction valueFunction) {
        this.valueFunction = valueFunction;
    }

    /** Solves the value function for periods of {@code auctions} auctions with budget {@code budget}. */
    public static RlbBidPolicy forPeriod(CampaignStatistics training, int auctions, long budget) {
        MarketPriceDistribution prices = MarketPriceDistribution.fromCounts(training.marketPriceCounts());
        return new RlbBidPolicy(RlbValueFunction.solve(auctions, budget, training.averageCtr(), prices));
    }

    @Override
    public String name() {
        return "rlb";
    }

    public RlbValueFunction valueFunction() {
        return valueFunction;
    }

    @Override
    public long bid(BidState state) {
        return valueFunction.bid(state.remainingAuctions(), state.remainingBudget(), state.pctr());
    }

    /** The RLB bid for a click probability scaled by {@code pctrScale}: the DQN's adjustment of this policy. */
    long bid(BidState state, double pctrScale) {
        double pctr = Math.min(1, state.pctr() * pctrScale);
        return valueFunction.bid(state.remainingAuctions(), state.remainingBudget(), pctr);
    }
}
