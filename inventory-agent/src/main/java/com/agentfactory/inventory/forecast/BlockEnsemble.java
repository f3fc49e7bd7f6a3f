package com.agentfactory.inventory.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The forecasting ensemble of units per 7-day block, the one path the service's forecasts and the {@code backtest}
 * command share. Every candidate model (ETS, Croston, SBA, TSB, median of 8 blocks, gradient-boosted trees over
 * all the series) forecasts each series; the models are weighted per series by an inner backtest inside the
 * history (fitted on the history minus its last {@code calibrationBlocks} blocks, scored on those), and the same
 * inner forecasts calibrate the split-conformal intervals. Nothing after the end of the histories is seen.
 */
public final class BlockEnsemble {

    public static final String XGBOOST = "xgboost";

    /** The history blocks a series needs besides the calibration blocks: the trees learn from 13 blocks on. */
    public static final int MINIMUM_TRAINING_BLOCKS = 17;

    private BlockEnsemble() {}

    /** One series: units per block, oldest first, all series ending at the same block; its mean unit price. */
    public record Series(String sku, double[] history, double price) {}

    /** How hard the trees work (boosting rounds and native threads), and the calendar of their holiday features. */
    public record Settings(int rounds, int threads, DemandCalendar calendar) {}

    /**
     * A fitted ensemble.
     *
     * @param outer each model's forecasts from the whole histories, [series][block]
     * @param forecast the ensemble's forecasts from the whole histories
     * @param weights per series, each model's weight, in the order of {@code outer}
     * @param innerHistories the histories without their calibration blocks
     * @param innerForecast the ensemble's forecasts of the calibration blocks
     * @param calibrationForecast the ensemble's forecasts of the calibration blocks with weights fitted without the
     *     series' own errors (each half of the series weighted by the other half's): the intervals' residuals, so
     *     that no residual comes from a combination fitted to it, which would make the intervals too narrow
     * @param innerActual the calibration blocks
     * @param innerWape each model's and the ensemble's weighted absolute percentage error on the calibration blocks
     */
    public record Fit(
            Map<String, double[][]> outer,
            double[][] forecast,
            double[][] weights,
            List<double[]> innerHistories,
            double[][] innerForecast,
            double[][] calibrationForecast,
            double[][] innerActual,
            Map<String, Double> innerWape) {

        public List<String> models() {
            return List.copyOf(outer.keySet());
        }

        /** Per-block split-conformal intervals at {@code level}, from the calibration blocks' errors. */
        public Conformal blockIntervals(double level) {
            return Conformal.of(
                    calibrationForecast, innerActual, scales(innerHistories), identity(innerActual[0].length), level);
        }
    }

    /**
     * Fits every model and the weights, and forecasts {@code horizon} blocks after the histories.
     *
     * @param start the first day of the histories' first block
     * @param calibrationBlocks the last blocks of the histories kept out for the inner backtest
     */
    public static Fit fit(List<Series> series, LocalDate start, int horizon, int calibrationBlocks, Settings settings) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no series to forecast");
        }
        int length = series.getFirst().history().length;
        if (length < calibrationBlocks + MINIMUM_TRAINING_BLOCKS) {
            throw new IllegalArgumentException("the inner backtest needs "
                    + (calibrationBlocks + MINIMUM_TRAINING_BLOCKS) + " blocks of history, got " + length);
        }
        var boosted = new GradientBoostedBlocks(settings.rounds(), settings.threads(), settings.calendar());
        List<double[]> innerHistories = series.stream()
                .map(s -> Arrays.copyOf(s.history(), length - calibrationBlocks))
                .toList();
        List<Double> prices = series.stream().map(Series::price).toList();
        Map<String, double[][]> inner = forecasts(BlockModels.models(), innerHistories, calibrationBlocks);
        inner.put(XGBOOST, boosted.fitAndForecast(prices, innerHistories, start, calibrationBlocks));
        double[][] innerActual = series.stream()
                .map(s -> Arrays.copyOfRange(s.history(), length - calibrationBlocks, length))
                .toArray(double[][]::new);
        double[][] weights = weights(inner, innerActual);

        List<double[]> histories = series.stream().map(Series::history).toList();
        Map<String, double[][]> outer = forecasts(BlockModels.models(), histories, horizon);
        outer.put(XGBOOST, boosted.fitAndForecast(prices, histories, start, horizon));
        double[][] innerForecast = combine(inner, weights);
        Map<String, Double> innerWape = new LinkedHashMap<>();
        inner.forEach((name, forecast) -> innerWape.put(name, wape(forecast, innerActual)));
        innerWape.put("ensemble", wape(innerForecast, innerActual));
        double[][] calibrationForecast = combine(inner, crossFittedWeights(inner, innerActual));
        return new Fit(
                outer,
                combine(outer, weights),
                weights,
                innerHistories,
                innerForecast,
                calibrationForecast,
                innerActual,
                innerWape);
    }

    /** The level a series' errors are divided by: the mean of its last 13 blocks, at least one unit. */
    public static double[] scales(List<double[]> histories) {
        return histories.stream()
                .mapToDouble(y -> Math.max(1, BlockModels.mean(y, 13)))
                .toArray();
    }

    static int[] identity(int columns) {
        int[] groups = new int[columns];
        Arrays.setAll(groups, i -> i);
        return groups;
    }

    private static Map<String, double[][]> forecasts(
            Map<String, BiFunction<double[], Integer, double[]>> models, List<double[]> histories, int blocks) {
        Map<String, double[][]> forecasts = new LinkedHashMap<>();
        models.forEach((name, model) -> forecasts.put(
                name, histories.stream().map(y -> model.apply(y, blocks)).toArray(double[][]::new)));
        return forecasts;
    }

    /**
     * Per series and model: the inverse square of the model's inner mean absolute error, a quarter from the
     * series' own errors and three quarters from all series' (a few blocks of one series alone are a noisy judge).
     * A model whose inner error over all series is more than 10% above the best model's gets no weight.
     */
    public static double[][] weights(Map<String, double[][]> inner, double[][] actual) {
        List<String> names = new ArrayList<>(inner.keySet());
        int skus = actual.length;
        double[] total = new double[names.size()];
        double[][] own = new double[skus][names.size()];
        for (int m = 0; m < names.size(); m++) {
            double[][] forecast = inner.get(names.get(m));
            for (int s = 0; s < skus; s++) {
                double error = 0;
                for (int h = 0; h < actual[s].length; h++) {
                    error += Math.abs(actual[s][h] - forecast[s][h]);
                }
                own[s][m] = error / actual[s].length;
                total[m] += error;
            }
        }
        double best = Arrays.stream(total).min().orElseThrow();
        boolean[] kept = new boolean[names.size()];
        for (int m = 0; m < names.size(); m++) {
            kept[m] = total[m] <= 1.1 * best;
        }
        double[] global = normalise(inverseSquares(total, 1e-9, kept));
        double[][] weights = new double[skus][];
        for (int s = 0; s < skus; s++) {
            double[] local = normalise(inverseSquares(own[s], 0.5, kept));
            weights[s] = new double[names.size()];
            for (int m = 0; m < names.size(); m++) {
                weights[s][m] = 0.25 * local[m] + 0.75 * global[m];
            }
        }
        return weights;
    }

    /**
     * Per series, the all-series part of {@link #weights} fitted on the other half of the series only (halves by
     * position), so a series' calibration residuals do not come from weights fitted to them. One series alone is
     * weighted by itself.
     */
    static double[][] crossFittedWeights(Map<String, double[][]> inner, double[][] actual) {
        List<String> names = new ArrayList<>(inner.keySet());
        int skus = actual.length;
        double[][] totals = new double[2][names.size()];
        for (int m = 0; m < names.size(); m++) {
            double[][] forecast = inner.get(names.get(m));
            for (int s = 0; s < skus; s++) {
                for (int h = 0; h < actual[s].length; h++) {
                    totals[s % 2][m] += Math.abs(actual[s][h] - forecast[s][h]);
                }
            }
        }
        double[][] byHalf = new double[2][];
        for (int half = 0; half < 2; half++) {
            double[] total = skus > 1 ? totals[1 - half] : totals[0];
            double best = Arrays.stream(total).min().orElseThrow();
            boolean[] kept = new boolean[names.size()];
            for (int m = 0; m < names.size(); m++) {
                kept[m] = total[m] <= 1.1 * best;
            }
            byHalf[half] = normalise(inverseSquares(total, 1e-9, kept));
        }
        double[][] weights = new double[skus][];
        for (int s = 0; s < skus; s++) {
            weights[s] = byHalf[s % 2];
        }
        return weights;
    }

    static double[][] combine(Map<String, double[][]> forecasts, double[][] weights) {
        List<double[][]> models = new ArrayList<>(forecasts.values());
        int skus = weights.length;
        int blocks = models.getFirst()[0].length;
        double[][] combined = new double[skus][blocks];
        for (int s = 0; s < skus; s++) {
            for (int m = 0; m < models.size(); m++) {
                for (int h = 0; h < blocks; h++) {
                    combined[s][h] += weights[s][m] * models.get(m)[s][h];
                }
            }
        }
        return combined;
    }

    private static double wape(double[][] forecast, double[][] actual) {
        double error = 0;
        double units = 0;
        for (int s = 0; s < actual.length; s++) {
            for (int h = 0; h < actual[s].length; h++) {
                error += Math.abs(actual[s][h] - forecast[s][h]);
                units += actual[s][h];
            }
        }
        return units == 0 ? 0 : error / units;
    }

    private static double[] inverseSquares(double[] errors, double floor, boolean[] kept) {
        double[] inverse = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            double e = Math.max(errors[i], floor);
            inverse[i] = kept[i] ? 1 / (e * e) : 0;
        }
        return inverse;
    }

    private static double[] normalise(double[] values) {
        double sum = Arrays.stream(values).sum();
        return Arrays.stream(values).map(v -> v / sum).toArray();
    }
}
