package com.agentfactory.inventory.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Split-conformal prediction intervals: per horizon group (a block ahead, or the days of one block ahead), the
 * quantiles of calibration errors divided by each series' level, applied to a forecast times its series' level.
 * Asymmetric, since demand errors are: a spike is far above, a lull is at most the forecast below. Groups beyond
 * the calibrated ones use the last calibrated group's quantiles.
 */
public record Conformal(double[] lower, double[] upper) {

    /**
     * @param groupOfColumn the horizon group of each column of {@code forecast} and {@code actual}
     * @param scales each row's level
     */
    static Conformal of(double[][] forecast, double[][] actual, double[] scales, int[] groupOfColumn, double level) {
        int groups = Arrays.stream(groupOfColumn).max().orElseThrow() + 1;
        List<List<Double>> residuals = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            residuals.add(new ArrayList<>());
        }
        for (int s = 0; s < actual.length; s++) {
            for (int c = 0; c < actual[s].length; c++) {
                residuals.get(groupOfColumn[c]).add((actual[s][c] - forecast[s][c]) / scales[s]);
            }
        }
        double[] lower = new double[groups];
        double[] upper = new double[groups];
        double tail = (1 - level) / 2;
        for (int g = 0; g < groups; g++) {
            double[] sorted = residuals.get(g).stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            lower[g] = quantile(sorted, tail);
            upper[g] = quantile(sorted, 1 - tail);
        }
        return new Conformal(lower, upper);
    }

    public double low(double forecast, double scale, int group) {
        return Math.max(0, forecast + lower[Math.min(group, lower.length - 1)] * scale);
    }

    public double high(double forecast, double scale, int group) {
        return Math.max(0, forecast + upper[Math.min(group, upper.length - 1)] * scale);
    }

    /** The share of cells whose actual value falls inside the interval around the forecast; column c is group c. */
    public double coverage(double[][] forecast, double[][] actual, double[] scales) {
        int inside = 0;
        int cells = 0;
        for (int s = 0; s < actual.length; s++) {
            for (int h = 0; h < actual[s].length; h++) {
                double low = low(forecast[s][h], scales[s], h);
                double high = high(forecast[s][h], scales[s], h);
                if (actual[s][h] >= low && actual[s][h] <= high) {
                    inside++;
                }
                cells++;
            }
        }
        return (double) inside / cells;
    }

    // the conformal quantile: the ceil((n + 1) q)-th smallest, so coverage holds in finite samples
    private static double quantile(double[] sorted, double q) {
        int n = sorted.length;
        int rank = (int) Math.ceil((n + 1) * q);
        return sorted[Math.min(n, Math.max(1, rank)) - 1];
    }
}
