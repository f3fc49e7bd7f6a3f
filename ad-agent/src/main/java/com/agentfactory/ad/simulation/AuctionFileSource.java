package com.agentfactory.ad.simulation;

import java.nio.file.Path;

/**
 * A logged campaign read from its files on first use and kept: a log of a few hundred thousand auctions takes seconds
 * to parse and a few megabytes to hold, and every run on it replays the same auctions.
 */
final class AuctionFileSource implements SimulationSource {

    private final String name;
    private final Path log;
    private final Path statistics;
    private volatile AuctionMarket market;

    AuctionFileSource(String name, Path log, Path statistics) {
        this.name = name;
        this.log = log;
        this.statistics = statistics;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "The iPinYou campaign log " + log.getFileName() + ", replayed as logged, with its training statistics "
                + statistics.getFileName() + "; the seed does not change it.";
    }

    @Override
    public int auctions() {
        return loaded().log().size();
    }

    @Override
    public AuctionMarket market(long seed) {
        return loaded();
    }

    /** @throws SimulationInputException when a file is missing or malformed; tried again on the next call */
    private AuctionMarket loaded() {
        AuctionMarket loaded = market;
        if (loaded == null) {
            synchronized (this) {
                if (market == null) {
                    market = new AuctionMarket(CampaignStatisticsReader.read(statistics), AuctionLog.read(log));
                }
                loaded = market;
            }
        }
        return loaded;
    }
}
