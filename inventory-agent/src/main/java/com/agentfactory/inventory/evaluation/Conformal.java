package com.agentfactory.inventory.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * Split-conformal prediction intervals: per horizon, the quantiles of the inner backtest's errors divided by each
 * SKU's level (mean of its last 13 blocks, at least one unit), applied to the forecast times the SKU's level.
 * Asymmetric, since demand errors are: a spike is far above, a lull is at most the forecast below.
 */
record Conformal(double[] lower, double[] upper) {

    static Conformal of(double[][] forecast, double[][] actual, List<double[]> histories, double level) {
        int horizon = actual[0].length;
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        double tail = (1 - level) / 2;
        for (int h = 0; h < horizon; h++) {
            double[] residuals = new double[actual.length];
            for (int s = 0; s < actual.length; s++) {
                residuals[s] = (actual[s][h] - forecast[s][h]) / scale(histories.get(s));
            }
            Arrays.sort(residuals);
            lower[h] = quantile(residuals, tail);
            upper[h] = quantile(residuals, 1 - tail);
        }
        return new Conformal(lower, upper);
    }

    /** The share of test blocks whose units fall inside the interval around the forecast. */
    double coverage(double[][] forecast, double[][] actual, List<double[]> histories) {
        int inside = 0;
        int cells = 0;
        for (int s = 0; s < actual.length; s++) {
            double scale = scale(histories.get(s));
            for (int h = 0; h < actual[s].length; h++) {
                double low = Math.max(0, forecast[s][h] + lower[h] * scale);
                double high = forecast[s][h] + upper[h] * scale;
                if (actual[s][h] >= low && actual[s][h] <= high) {
                    inside++;
                }
                cells++;
            }
        }
        return (double) inside / cells;
    }

    private static double scale(double[] history) {
        return Math.max(1, BlockModels.mean(history, 13));
    }

    // the conformal quantile: the ceil((n + 1) q)-th smallest, so coverage holds in finite samples
    private static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        int rank = (int) Math.ceil((n + 1) * q);
        return sorted[Math.min(n, Math.max(1, rank)) - 1];
    }
}
