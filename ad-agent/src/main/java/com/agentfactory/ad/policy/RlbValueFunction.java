package com.agentfactory.ad.policy;

import java.util.Arrays;

/**
 * The optimal value function V(n, b) of the RLB paper (Cai et al., "Real-Time Bidding by Reinforcement Learning in
 * Display Advertising", WSDM 2017): the expected clicks still to win with n auctions and budget b left, when every
 * impression is worth the campaign's average CTR and market prices follow the training histogram.
 *
 * <p>Written by hand because no maintained Java library solves this dynamic programme; the recursion, the early stop
 * once V reaches its unconstrained maximum, and the bid rule follow the paper's published reference implementation
 * step for step (same arithmetic order), so its published numbers can be reproduced.
 *
 * <p>The table holds {@code N x (B + 1)} doubles. When that exceeds {@link #MAX_CELLS}, it is solved for fewer
 * auctions N0 and a budget scaled by N0 / N, and a state (n, b) with n above N0 is answered as (N0, b x N0 / n): the
 * paper's large-scale approximation (the bid for n auctions and budget b is close to the bid for N0 auctions with the
 * same budget per auction).
 */
public final class RlbValueFunction {

    /** Table size (doubles) above which the large-scale approximation is used: 32 MiB. */
    public static final long MAX_CELLS = 4_000_000L;

    private static final double SATURATION_PRECISION = 1e-10;

    private final double[][] values;
    private final int maxBid;
    private final int tableAuctions;
    private final int tableBudget;

    private RlbValueFunction(double[][] values, int maxBid) {
        this.values = values;
        this.maxBid = maxBid;
        this.tableAuctions = values.length;
        this.tableBudget = values[0].length - 1;
    }

    /**
     * Solves V for up to {@code auctions} auctions and budget {@code budget}.
     *
     * @param averageCtr the value of an impression (clicks are the objective)
     * @param prices market price distribution; its highest price is the bid cap
     */
    public static RlbValueFunction solve(int auctions, long budget, double averageCtr, MarketPriceDistribution prices) {
        return solve(auctions, budget, averageCtr, prices, MAX_CELLS);
    }

    static RlbValueFunction solve(
            int auctions, long budget, double averageCtr, MarketPriceDistribution prices, long maxCells) {
        if (auctions <= 0) {
            throw new IllegalArgumentException("auctions must be positive");
        }
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative");
        }
        int rows = auctions;
        long columns = budget;
        if ((long) rows * (columns + 1) > maxCells) {
            double perAuction = budget / (double) auctions;
            rows = (int) Math.max(1, Math.min(auctions, Math.sqrt(maxCells / Math.max(perAuction, 1e-9))));
            while (rows > 1 && (long) rows * ((long) Math.ceil(perAuction * rows) + 1) > maxCells) {
                rows--;
            }
            columns = Math.min((long) Math.ceil(perAuction * rows), maxCells - 1);
        }
        return new RlbValueFunction(valueTable(rows, (int) columns, averageCtr, prices), prices.maxPrice());
    }

    private static double[][] valueTable(int rows, int budget, double theta, MarketPriceDistribution prices) {
        int maxBid = prices.maxPrice();
        double[] pdf = new double[maxBid + 1];
        for (int price = 0; price <= maxBid; price++) {
            pdf[price] = prices.probability(price);
        }
        double[][] table = new double[rows][];
        double[] v = new double[budget + 1];
        double[] next = new double[budget + 1];
        int[] bidFor = new int[budget + 1];
        double maxIncrement = 0;
        for (int price = 0; price <= maxBid; price++) {
            maxIncrement += pdf[price] * theta;
        }
        double vMax = 0;
        for (int n = 1; n < rows; n++) {
            // the optimal bid a(n, b) is the largest delta whose click value still covers the lost future value
            int bb = budget - 1;
            for (int b = budget; b > 0; b--) {
                while (bb >= 0 && (v[bb] - v[b]) + theta >= 0) {
                    bb--;
                }
                bidFor[b] = bb < 0 ? Math.min(maxBid, b) : Math.min(maxBid, b - bb - 1);
            }
            table[n - 1] = v.clone();
            vMax = vMax + maxIncrement;
            for (int b = 1; b <= budget; b++) {
                double value = v[b];
                for (int delta = 0; delta <= bidFor[b]; delta++) {
                    value += pdf[delta] * (theta + (v[b - delta] - v[b]));
                }
                next[b] = value;
                if (Math.abs(value - vMax) < SATURATION_PRECISION) {
                    // enough budget to win every auction worth winning: V is flat from here on
                    Arrays.fill(next, b + 1, budget + 1, vMax);
                    break;
                }
            }
            System.arraycopy(next, 0, v, 0, budget + 1);
        }
        table[rows - 1] = v.clone();
        return table;
    }

    /** V(n, b) as stored; n in [0, tableAuctions), b in [0, tableBudget]. */
    public double value(int auctions, int budget) {
        return values[auctions][budget];
    }

    public int tableAuctions() {
        return tableAuctions;
    }

    public int tableBudget() {
        return tableBudget;
    }

    public int maxBid() {
        return maxBid;
    }

    /**
     * The RLB bid with {@code remainingAuctions} auctions (this one included) and {@code remainingBudget} left for
     * an impression of click probability {@code pctr}: the largest a with pctr + V(n-1, b-a) - V(n-1, b) >= 0,
     * never above the remaining budget or the highest market price.
     */
    public long bid(int remainingAuctions, long remainingBudget, double pctr) {
        if (remainingAuctions <= 0 || remainingBudget <= 0) {
            return 0;
        }
        int n = remainingAuctions;
        long b = remainingBudget;
        if (n > tableAuctions) {
            b = Math.round(remainingBudget * (double) tableAuctions / n);
            n = tableAuctions;
        }
        int budget = (int) Math.min(b, tableBudget);
        double[] row = values[n - 1];
        int limit = Math.min(budget, maxBid);
        int bid = 0;
        for (int delta = 1; delta <= limit; delta++) {
            if (pctr + (row[budget - delta] - row[budget]) >= 0) {
                bid = delta;
            } else {
                break;
            }
        }
        return Math.min(bid, Math.min(remainingBudget, maxBid));
    }
}
