package com.agentfactory.inventory.evaluation;

import java.util.List;

/**
 * Point-forecast errors over every SKU and block. WAPE: total absolute error over total units. sMAPE: mean of
 * 2|e| / (|y| + |f|), a block with neither sales nor forecast counting as no error. MASE: per SKU, the mean
 * absolute error over the mean absolute one-block change in its history (the in-sample naive error), averaged
 * over the SKUs whose history changes at all.
 */
record Scores(double wape, double smape, double mase) {

    static Scores of(double[][] forecast, double[][] actual, List<double[]> histories) {
        double absolute = 0;
        double units = 0;
        double smape = 0;
        int cells = 0;
        double mase = 0;
        int scaled = 0;
        for (int s = 0; s < actual.length; s++) {
            double skuError = 0;
            for (int h = 0; h < actual[s].length; h++) {
                double error = Math.abs(actual[s][h] - forecast[s][h]);
                absolute += error;
                skuError += error;
                units += actual[s][h];
                double denominator = Math.abs(actual[s][h]) + Math.abs(forecast[s][h]);
                smape += denominator == 0 ? 0 : 2 * error / denominator;
                cells++;
            }
            double[] y = histories.get(s);
            double naive = 0;
            for (int t = 1; t < y.length; t++) {
                naive += Math.abs(y[t] - y[t - 1]);
            }
            naive /= y.length - 1;
            if (naive > 0) {
                mase += skuError / actual[s].length / naive;
                scaled++;
            }
        }
        return new Scores(
                BacktestMain.round(absolute / units),
                BacktestMain.round(smape / cells),
                BacktestMain.round(scaled == 0 ? Double.NaN : mase / scaled));
    }
}
