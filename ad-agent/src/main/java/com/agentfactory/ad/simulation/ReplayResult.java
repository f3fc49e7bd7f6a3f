package com.agentfactory.ad.simulation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Totals of one policy over replayed auctions. CPM and eCPC follow the published protocol: CPM is the cost per
 * impression in the log's unit (its prices are per mille already), eCPC the cost / 1000 per click.
 */
record ReplayResult(long auctions, long impressions, long clicks, long cost) {

    ReplayResult plus(ReplayResult other) {
        return new ReplayResult(
                auctions + other.auctions, impressions + other.impressions, clicks + other.clicks, cost + other.cost);
    }

    double winRate() {
        return auctions == 0 ? 0 : impressions / (double) auctions;
    }

    double cpm() {
        return impressions == 0 ? 0 : cost / (double) impressions;
    }

    double ecpc() {
        return clicks == 0 ? 0 : cost / 1000.0 / clicks;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("auctions", auctions);
        json.put("impressions", impressions);
        json.put("clicks", clicks);
        json.put("cost", cost);
        json.put("win_rate", round(winRate()));
        json.put("cpm", round(cpm()));
        json.put("ecpc", round(ecpc()));
        return json;
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
