package com.agentfactory.ad.policy;

/** Probability of each market price, from a histogram with add-one (Laplace) smoothing as in the RLB paper. */
public final class MarketPriceDistribution {

    private final double[] probabilities;

    private MarketPriceDistribution(double[] probabilities) {
        this.probabilities = probabilities;
    }

    public static MarketPriceDistribution fromCounts(long[] counts) {
        double total = 0;
        for (long count : counts) {
            total += count;
        }
        double[] pdf = new double[counts.length];
        for (int price = 0; price < counts.length; price++) {
            pdf[price] = (counts[price] + 1) / (total + counts.length);
        }
        return new MarketPriceDistribution(pdf);
    }

    public int maxPrice() {
        return probabilities.length - 1;
    }

    public double probability(int price) {
        return price < 0 || price >= probabilities.length ? 0 : probabilities[price];
    }
}
