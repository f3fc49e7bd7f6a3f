package com.agentfactory.ad.policy;

/**
 * Decides the bid for one auction from the campaign's state. Prices, bids and budgets are in the exchange's price
 * unit (the auction log's unit in the simulator); a bid of 0 means no bid.
 *
 * <p>Implementations never bid more than the remaining budget. They may keep state across the auctions of one
 * episode (the DQN keeps its current adjustment), so one instance serves one campaign budget at a time.
 */
public interface BidPolicy {

    String name();

    long bid(BidState state);

    /** Called when a new budget period (episode) starts; stateless policies ignore it. */
    default void startEpisode(long budget, int auctions) {}
}
