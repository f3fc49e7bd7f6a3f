package com.agentfactory.inventory.forecast;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One gradient-boosted tree model (XGBoost) over all SKUs, forecasting each of the next blocks directly (the
 * horizon is a feature). Features and target are divided by the SKU's recent level, so SKUs of every size share
 * what the trees learn: lags 1-4 (the blocks of t-7 to t-28 days), rolling means, median and spread, the share of
 * blocks without sales, smoothed levels, the target's month and week, the public holidays and paydays in the target
 * block ({@link DemandCalendar}), and price. The loss is absolute error, whose best forecast is the median: what
 * WAPE rewards. WAPE counts a SKU's errors in units, while the scaled rows count every SKU alike, so each row weighs
 * the square root of its SKU's level: between the two, and the better of 0, 1/2 and 1 on two validation windows that
 * end before the benchmark's test window (docs/benchmarks.md).
 */
final class GradientBoostedBlocks {

    private static final int FEATURES = 18;
    private static final int MINIMUM_HISTORY = 13;

    private final int rounds;
    private final int threads;
    private final DemandCalendar calendar;

    GradientBoostedBlocks(int rounds, int threads, DemandCalendar calendar) {
        this.rounds = rounds;
        this.threads = threads;
        this.calendar = calendar;
    }

    /**
     * Trains on every origin inside the histories and forecasts the {@code horizon} blocks after their end.
     *
     * @param start the first day of the histories' first block (all histories share their block calendar)
     */
    double[][] fitAndForecast(List<Double> prices, List<double[]> histories, LocalDate start, int horizon) {
        int length = histories.getFirst().length;
        int rows = 0;
        for (int t = MINIMUM_HISTORY; t < length; t++) {
            rows += Math.min(horizon, length - t) * histories.size();
        }
        float[] features = new float[rows * FEATURES];
        float[] labels = new float[rows];
        float[] weights = new float[rows];
        int row = 0;
        for (int s = 0; s < histories.size(); s++) {
            double[] y = histories.get(s);
            for (int t = MINIMUM_HISTORY; t < length; t++) {
                double scale = scale(y, t);
                float weight = (float) Math.sqrt(scale);
                for (int h = 1; h <= horizon && t + h - 1 < length; h++) {
                    features(y, t, h, scale, start, prices.get(s), features, row * FEATURES);
                    labels[row] = (float) (y[t + h - 1] / scale);
                    weights[row] = weight;
                    row++;
                }
            }
        }
        float[] test = new float[histories.size() * horizon * FEATURES];
        for (int s = 0; s < histories.size(); s++) {
            double[] y = histories.get(s);
            for (int h = 1; h <= horizon; h++) {
                features(y, length, h, scale(y, length), start, prices.get(s), test, (s * horizon + h - 1) * FEATURES);
            }
        }
        try {
            DMatrix train = new DMatrix(features, rows, FEATURES, Float.NaN);
            train.setLabel(labels);
            train.setWeight(weights);
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("objective", "reg:absoluteerror");
            parameters.put("max_depth", 5);
            parameters.put("eta", 0.05);
            parameters.put("subsample", 0.8);
            parameters.put("colsample_bytree", 0.8);
            parameters.put("min_child_weight", 20);
            parameters.put("nthread", threads);
            parameters.put("seed", 42);
            parameters.put("verbosity", 0);
            Booster booster = XGBoost.train(train, parameters, rounds, new HashMap<>(), null, null);
            float[][] predicted = booster.predict(new DMatrix(test, histories.size() * horizon, FEATURES, Float.NaN));
            double[][] forecasts = new double[histories.size()][horizon];
            for (int s = 0; s < histories.size(); s++) {
                double scale = scale(histories.get(s), length);
                for (int h = 0; h < horizon; h++) {
                    forecasts[s][h] = Math.max(0, predicted[s * horizon + h][0] * scale);
                }
            }
            train.dispose();
            booster.dispose();
            return forecasts;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    /** The recent level a SKU's numbers are divided by: the mean of the last 13 blocks, at least one unit. */
    private static double scale(double[] y, int t) {
        return Math.max(1, BlockModels.mean(java.util.Arrays.copyOf(y, t), 13));
    }

    private void features(double[] y, int t, int h, double scale, LocalDate start, double price, float[] into, int at) {
        double[] past = java.util.Arrays.copyOf(y, t);
        double mean13 = BlockModels.mean(past, 13);
        double squares = 0;
        int zeros = 0;
        int from = Math.max(0, t - 13);
        for (int i = from; i < t; i++) {
            squares += (y[i] - mean13) * (y[i] - mean13);
            zeros += y[i] == 0 ? 1 : 0;
        }
        LocalDate target = start.plusWeeks(t + h - 1L);
        into[at] = (float) (y[t - 1] / scale);
        into[at + 1] = (float) (y[t - 2] / scale);
        into[at + 2] = (float) (y[t - 3] / scale);
        into[at + 3] = (float) (y[t - 4] / scale);
        into[at + 4] = (float) (BlockModels.mean(past, 4) / scale);
        into[at + 5] = (float) (mean13 / scale);
        into[at + 6] = (float) (BlockModels.median(past, 8) / scale);
        into[at + 7] = (float) (Math.sqrt(squares / (t - from)) / scale);
        into[at + 8] = (float) zeros / (t - from);
        into[at + 9] = (float) (BlockModels.simpleExponentialSmoothing(past) / scale);
        into[at + 10] = (float) (BlockModels.tsb(past, 0.1, 0.1) / scale);
        into[at + 11] = h;
        into[at + 12] = target.getMonthValue();
        into[at + 13] = target.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        into[at + 14] = (float) Math.log(price);
        into[at + 15] = (float) Math.log(scale);
        into[at + 16] = calendar.holidaysIn(target, 7);
        into[at + 17] = calendar.paydaysIn(target, 7);
    }
}
