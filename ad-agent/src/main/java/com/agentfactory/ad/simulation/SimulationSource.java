package com.agentfactory.ad.simulation;

/** Where a run's auctions come from: a campaign's training statistics and the test log replayed. */
interface SimulationSource {

    String name();

    String description();

    /** The auctions in the test log. */
    int auctions();

    /** The market to replay; {@code seed} draws it where the source is drawn rather than read. */
    AuctionMarket market(long seed);
}
