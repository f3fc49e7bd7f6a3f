package com.agentfactory.ad.simulation;

/** The {@link SyntheticMarket} drawn from each run's seed: always there, nothing to read. */
final class SyntheticSource implements SimulationSource {

    static final String NAME = "synthetic";

    private final int auctions;

    SyntheticSource(int auctions) {
        this.auctions = auctions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A second-price market drawn from the run's seed: log-normal market prices (median 60, at most 300),"
                + " Beta-distributed pCTR averaging 1%, each click drawn from its pCTR; the training statistics come"
                + " from a separate draw " + SyntheticMarket.TRAINING_FACTOR + " times as long.";
    }

    @Override
    public int auctions() {
        return auctions;
    }

    @Override
    public AuctionMarket market(long seed) {
        return SyntheticMarket.generate(SyntheticMarket.DISPLAY, auctions, seed);
    }
}
