package com.agentfactory.ad.simulation;

/**
 * One policy's totals over one part of the log: its {@code first} half (where Lin's b0 was tuned), its held-out
 * {@code second} half, or the {@code whole} log. CPM and eCPC follow {@link ReplayResult}.
 */
record SimulationResult(
        String policy,
        String part,
        long auctions,
        long impressions,
        long clicks,
        long cost,
        double winRate,
        double cpm,
        double ecpc) {

    /** The command calls the whole log "all"; the API says "whole". */
    static SimulationResult of(String policy, String part, ReplayResult result) {
        return new SimulationResult(
                policy,
                part.equals("all") ? "whole" : part,
                result.auctions(),
                result.impressions(),
                result.clicks(),
                result.cost(),
                ReplayResult.round(result.winRate()),
                ReplayResult.round(result.cpm()),
                ReplayResult.round(result.ecpc()));
    }
}
