package com.agentfactory.ad.policy;

import java.util.Arrays;

/**
 * A campaign's training-period statistics: impressions won, clicks, cost and the histogram of market prices
 * (index = price in the log's unit).
 */
public record CampaignStatistics(long impressions, long clicks, long cost, long[] marketPriceCounts) {

    public CampaignStatistics {
        if (impressions <= 0) {
            throw new IllegalArgumentException("training impressions must be positive");
        }
        if (clicks < 0 || cost < 0) {
            throw new IllegalArgumentException("training clicks and cost must not be negative");
        }
        if (marketPriceCounts == null || marketPriceCounts.length == 0) {
            throw new IllegalArgumentException("the market price histogram must not be empty");
        }
        if (Arrays.stream(marketPriceCounts).anyMatch(count -> count < 0)) {
            throw new IllegalArgumentException("market price counts must not be negative");
        }
        marketPriceCounts = marketPriceCounts.clone();
    }

    /** Average click-through rate of the training period, the RLB's and linear bidding's reference CTR. */
    public double averageCtr() {
        return clicks / (double) impressions;
    }

    /** Average market cost per impression (CPM / 1000). */
    public double costPerImpression() {
        return cost / (double) impressions;
    }

    /** Highest price the histogram knows, the bid cap of the policies. */
    public int maxMarketPrice() {
        return marketPriceCounts.length - 1;
    }

    /** The period budget B = c0 x N x cost / impressions, truncated as in the published protocol. */
    public long budget(int auctions, double c0) {
        return (long) (costPerImpression() * c0 * auctions);
    }

    @Override
    public long[] marketPriceCounts() {
        return marketPriceCounts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CampaignStatistics that
                && impressions == that.impressions
                && clicks == that.clicks
                && cost == that.cost
                && Arrays.equals(marketPriceCounts, that.marketPriceCounts);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(impressions + 7 * clicks + 13 * cost) + Arrays.hashCode(marketPriceCounts);
    }

    @Override
    public String toString() {
        return "CampaignStatistics[impressions=" + impressions + ", clicks=" + clicks + ", cost=" + cost
                + ", prices=0.." + maxMarketPrice() + "]";
    }
}
