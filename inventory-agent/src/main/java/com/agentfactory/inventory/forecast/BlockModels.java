package com.agentfactory.inventory.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Per-SKU forecasters of units per block, each giving a flat or level forecast for every future block. Croston,
 * SBA and TSB are written here: no maintained Java library offers intermittent-demand methods (the known
 * implementations are R's tsintermittent and Python's statsforecast), and each is a few lines of smoothing.
 */
public final class BlockModels {

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5};

    private BlockModels() {}

    /** The baselines the issue names. */
    public static Map<String, BiFunction<double[], Integer, double[]>> baselines() {
        Map<String, BiFunction<double[], Integer, double[]>> models = new LinkedHashMap<>();
        models.put("naive", (y, h) -> flat(y[y.length - 1], h));
        models.put("mean_4", (y, h) -> flat(mean(y, 4), h));
        models.put("mean_13", (y, h) -> flat(mean(y, 13), h));
        return models;
    }

    /** The candidate models of the ensemble (gradient-boosted trees are added by the caller). */
    static Map<String, BiFunction<double[], Integer, double[]>> models() {
        Map<String, BiFunction<double[], Integer, double[]>> models = new LinkedHashMap<>();
        models.put("ets", (y, h) -> flat(simpleExponentialSmoothing(y), h));
        models.put("croston", (y, h) -> flat(croston(y, 0.1, false), h));
        models.put("sba", (y, h) -> flat(croston(y, 0.1, true), h));
        models.put("tsb", (y, h) -> flat(tsb(y, 0.1, 0.1), h));
        models.put("median_8", (y, h) -> flat(median(y, 8), h));
        return models;
    }

    public static double mean(double[] y, int last) {
        int from = Math.max(0, y.length - last);
        double sum = 0;
        for (int i = from; i < y.length; i++) {
            sum += y[i];
        }
        return sum / (y.length - from);
    }

    static double median(double[] y, int last) {
        double[] tail = Arrays.copyOfRange(y, Math.max(0, y.length - last), y.length);
        Arrays.sort(tail);
        int n = tail.length;
        return n % 2 == 1 ? tail[n / 2] : (tail[n / 2 - 1] + tail[n / 2]) / 2;
    }

    /**
     * ETS(A,N,N): the level smoothed with the alpha of the smallest one-step absolute error over the history
     * (absolute, as WAPE judges; weekly seasonality does not exist at the block level).
     */
    static double simpleExponentialSmoothing(double[] y) {
        double bestError = Double.MAX_VALUE;
        double bestLevel = y[y.length - 1];
        for (double alpha : ALPHAS) {
            double level = mean(Arrays.copyOf(y, Math.min(4, y.length)), 4);
            double error = 0;
            for (double value : y) {
                error += Math.abs(value - level);
                level += alpha * (value - level);
            }
            if (error < bestError) {
                bestError = error;
                bestLevel = level;
            }
        }
        return bestLevel;
    }

    /**
     * Croston: sizes of non-zero demands and the intervals between them smoothed apart; the forecast is size over
     * interval, times (1 - alpha / 2) for the Syntetos-Boylan approximation, which removes Croston's bias.
     */
    static double croston(double[] y, double alpha, boolean sba) {
        double size = -1;
        double interval = -1;
        int since = 1;
        for (double value : y) {
            if (value > 0) {
                if (size < 0) {
                    size = value;
                    interval = since;
                } else {
                    size += alpha * (value - size);
                    interval += alpha * (since - interval);
                }
                since = 1;
            } else {
                since++;
            }
        }
        if (size < 0) {
            return 0;
        }
        return size / interval * (sba ? 1 - alpha / 2 : 1);
    }

    /** Teunter-Syntetos-Babai: the probability of demand is smoothed every block, so dying demand decays. */
    static double tsb(double[] y, double alphaSize, double alphaProbability) {
        double size = -1;
        double probability = 0;
        for (double value : y) {
            if (size < 0) {
                if (value > 0) {
                    size = value;
                    probability = 1;
                }
                continue;
            }
            probability += alphaProbability * ((value > 0 ? 1 : 0) - probability);
            if (value > 0) {
                size += alphaSize * (value - size);
            }
        }
        return size < 0 ? 0 : size * probability;
    }

    static double[] flat(double value, int horizon) {
        double[] forecast = new double[horizon];
        Arrays.fill(forecast, Math.max(0, value));
        return forecast;
    }
}
