package com.agentfactory.inventory.forecast;

import java.util.Arrays;

/**
 * Additive Holt-Winters (ETS(A,Ad,A)) with a damped trend, for daily demand with weekly seasonality. No
 * maintained Java library offers exponential smoothing with prediction intervals (the ones on Maven Central are
 * unreleased or abandoned ARIMA and smoothing projects), so it is written here: it is short and standard.
 * Parameters are chosen by a grid search minimising the one-step-ahead squared error; the prediction intervals
 * use the class 1 state-space variance of Hyndman et al. (2008), Forecasting with Exponential Smoothing, table 6.1:
 * var(h) = sigma^2 (1 + sum over j < h of (alpha (1 + beta phi_j) + gamma [j mod m = 0])^2).
 */
final class HoltWinters {

    static final int WEEK = 7;

    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7};
    private static final double[] BETAS = {0.0, 0.01, 0.05, 0.1};
    private static final double[] GAMMAS = {0.01, 0.05, 0.1, 0.2, 0.3};
    private static final double[] PHIS = {0.8, 0.9, 0.98};
    private static final double Z80 = 1.2815515655446004;
    private static final double Z95 = 1.959963984540054;

    private final int period;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final double level;
    private final double trend;
    private final double[] season;
    private final double sigma;

    private HoltWinters(int period, double alpha, double beta, double gamma, double phi, Fit fit) {
        this.period = period;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        this.level = fit.level;
        this.trend = fit.trend;
        this.season = fit.season;
        this.sigma = Math.sqrt(fit.sse / Math.max(1, fit.errors));
    }

    /** Fits the model to daily values, oldest first; at least two full periods are needed. */
    static HoltWinters fit(double[] history, int period) {
        if (history.length < 2 * period) {
            throw new IllegalArgumentException("at least " + 2 * period + " values are needed, got " + history.length);
        }
        HoltWinters best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    for (double p : PHIS) {
                        Fit fit = run(history, period, a, b, g, p);
                        if (fit.sse < bestSse) {
                            bestSse = fit.sse;
                            best = new HoltWinters(period, a, b, g, p, fit);
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Forecasts the next {@code horizon} values with 80% and 95% intervals, never below zero. */
    Forecast forecast(int horizon) {
        double[] mean = new double[horizon];
        double[][] bounds = new double[4][horizon];
        double damped = 0;
        double varianceFactor = 1;
        for (int h = 1; h <= horizon; h++) {
            damped += Math.pow(phi, h);
            double value = level + damped * trend + season[(h - 1) % period];
            mean[h - 1] = Math.max(0, value);
            if (h > 1) {
                int j = h - 1;
                double phiJ = 0;
                for (int k = 1; k <= j; k++) {
                    phiJ += Math.pow(phi, k);
                }
                double c = alpha * (1 + beta * phiJ) + (j % period == 0 ? gamma : 0);
                varianceFactor += c * c;
            }
            double sd = sigma * Math.sqrt(varianceFactor);
            bounds[0][h - 1] = Math.max(0, value - Z80 * sd);
            bounds[1][h - 1] = Math.max(0, value + Z80 * sd);
            bounds[2][h - 1] = Math.max(0, value - Z95 * sd);
            bounds[3][h - 1] = Math.max(0, value + Z95 * sd);
        }
        return new Forecast(mean, bounds[0], bounds[1], bounds[2], bounds[3]);
    }

    double sigma() {
        return sigma;
    }

    record Forecast(double[] mean, double[] lower80, double[] upper80, double[] lower95, double[] upper95) {}

    // the state after the last value, with the one-step squared error over every value after the first period
    private record Fit(double level, double trend, double[] season, double sse, int errors) {}

    private static Fit run(double[] y, int m, double alpha, double beta, double gamma, double phi) {
        double l = 0;
        for (int i = 0; i < m; i++) {
            l += y[i];
        }
        l /= m;
        double secondMean = 0;
        for (int i = m; i < 2 * m; i++) {
            secondMean += y[i];
        }
        secondMean /= m;
        double b = (secondMean - l) / m;
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            s[i] = y[i] - l;
        }
        double sse = 0;
        int errors = 0;
        for (int t = m; t < y.length; t++) {
            int slot = t % m;
            double predicted = l + phi * b + s[slot];
            double error = y[t] - predicted;
            sse += error * error;
            errors++;
            double previousLevel = l;
            l = alpha * (y[t] - s[slot]) + (1 - alpha) * (previousLevel + phi * b);
            b = beta * (l - previousLevel) + (1 - beta) * phi * b;
            s[slot] = gamma * (y[t] - l) + (1 - gamma) * s[slot];
        }
        // rotate so season[0] is the slot of the first forecast day
        double[] ahead = new double[m];
        for (int h = 0; h < m; h++) {
            ahead[h] = s[(y.length + h) % m];
        }
        return new Fit(l, b, ahead, sse, errors);
    }

    @Override
    public String toString() {
        return "HoltWinters[alpha=" + alpha + ", beta=" + beta + ", gamma=" + gamma + ", phi=" + phi + ", sigma="
                + sigma + ", season=" + Arrays.toString(season) + "]";
    }
}
