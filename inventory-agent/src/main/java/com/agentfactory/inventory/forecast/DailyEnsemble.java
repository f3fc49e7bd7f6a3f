package com.agentfactory.inventory.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily forecasts from the block ensemble: the ensemble forecasts each week ahead, and each SKU's share of a week
 * per day of the week (over its last 13 weeks, pulled towards the pool's shares when it sold little) spreads the
 * week over its days. The daily intervals are split conformal too: the inner backtest's weekly forecasts are spread
 * the same way (with the shares known before the calibration weeks) and the errors against the days that followed
 * give the quantiles, per week ahead (with weights fitted without each SKU's own calibration errors).
 */
final class DailyEnsemble {

    static final String MODEL = "ensemble";
    private static final int SHARE_WEEKS = 13;
    // the units of evidence the pool's weekday shares count as, against a SKU's own
    private static final double PRIOR_UNITS = 14;

    private DailyEnsemble() {}

    /** One SKU's forecast: per day from the origin, the expected units and the 80% and 95% bounds. */
    record SkuForecast(
            String sku,
            double[] expected,
            double[] lower80,
            double[] upper80,
            double[] lower95,
            double[] upper95,
            Map<String, Double> weights) {}

    /**
     * @param innerWape each model's and the ensemble's weighted absolute percentage error on the calibration weeks
     */
    record Result(
            List<SkuForecast> forecasts, Map<String, Double> innerWape, double innerUnits, int calibrationWeeks) {}

    /**
     * @param daily per SKU, units per day for whole weeks up to the day before the origin (all the same length)
     */
    static Result forecast(
            Map<String, double[]> daily,
            LocalDate origin,
            int horizonDays,
            int calibrationWeeks,
            BlockEnsemble.Settings settings) {
        List<String> skus = new ArrayList<>(daily.keySet());
        int days = daily.values().iterator().next().length;
        int weeks = days / 7;
        LocalDate start = origin.minusWeeks(weeks);
        int horizon = (horizonDays + 6) / 7;
        List<BlockEnsemble.Series> series = new ArrayList<>();
        for (String sku : skus) {
            double[] y = daily.get(sku);
            double[] blocks = new double[weeks];
            for (int d = 0; d < days; d++) {
                blocks[d / 7] += y[d];
            }
            // no prices are known for the store's own SKUs: the trees' price feature is the same for all
            series.add(new BlockEnsemble.Series(sku, blocks, 1.0));
        }
        var fit = BlockEnsemble.fit(series, start, horizon, calibrationWeeks, settings);

        // calibration: the inner weekly forecasts spread over days with the shares known at the inner origin
        int innerDays = days - 7 * calibrationWeeks;
        LocalDate innerOrigin = origin.minusWeeks(calibrationWeeks);
        double[][] innerShares = shares(daily, skus, innerDays, innerOrigin);
        double[][] innerForecast = new double[skus.size()][7 * calibrationWeeks];
        double[][] innerActual = new double[skus.size()][7 * calibrationWeeks];
        int[] groups = new int[7 * calibrationWeeks];
        for (int d = 0; d < 7 * calibrationWeeks; d++) {
            groups[d] = d / 7;
        }
        for (int s = 0; s < skus.size(); s++) {
            double[] y = daily.get(skus.get(s));
            for (int d = 0; d < 7 * calibrationWeeks; d++) {
                innerForecast[s][d] = fit.calibrationForecast()[s][d / 7] * innerShares[s][dayOfWeek(innerOrigin, d)];
                innerActual[s][d] = y[innerDays + d];
            }
        }
        double[] innerScales = BlockEnsemble.scales(fit.innerHistories());
        Conformal c80 = Conformal.of(innerForecast, innerActual, innerScales, groups, 0.80);
        Conformal c95 = Conformal.of(innerForecast, innerActual, innerScales, groups, 0.95);

        double[][] outerShares = shares(daily, skus, days, origin);
        double[] scales = BlockEnsemble.scales(
                series.stream().map(BlockEnsemble.Series::history).toList());
        List<String> models = fit.models();
        List<SkuForecast> forecasts = new ArrayList<>();
        for (int s = 0; s < skus.size(); s++) {
            double[] expected = new double[horizonDays];
            double[][] bounds = new double[4][horizonDays];
            for (int d = 0; d < horizonDays; d++) {
                int week = d / 7;
                double value = fit.forecast()[s][week] * outerShares[s][dayOfWeek(origin, d)];
                expected[d] = value;
                // an interval always holds its own forecast, even when the calibration errors lean to one side
                bounds[0][d] = Math.min(value, c80.low(value, scales[s], week));
                bounds[1][d] = Math.max(value, c80.high(value, scales[s], week));
                bounds[2][d] = Math.min(bounds[0][d], c95.low(value, scales[s], week));
                bounds[3][d] = Math.max(bounds[1][d], c95.high(value, scales[s], week));
            }
            Map<String, Double> weights = new LinkedHashMap<>();
            for (int m = 0; m < models.size(); m++) {
                weights.put(models.get(m), Math.round(fit.weights()[s][m] * 1000) / 1000.0);
            }
            forecasts.add(new SkuForecast(skus.get(s), expected, bounds[0], bounds[1], bounds[2], bounds[3], weights));
        }
        double innerUnits = 0;
        for (double[] actual : fit.innerActual()) {
            for (double units : actual) {
                innerUnits += units;
            }
        }
        return new Result(forecasts, fit.innerWape(), innerUnits, calibrationWeeks);
    }

    /** Per SKU, the share of a week's units on each day of the week (Monday first), before {@code end}. */
    private static double[][] shares(Map<String, double[]> daily, List<String> skus, int end, LocalDate endDay) {
        int from = Math.max(0, end - 7 * SHARE_WEEKS);
        double[][] units = new double[skus.size()][7];
        double[] pool = new double[7];
        double[] totals = new double[skus.size()];
        for (int s = 0; s < skus.size(); s++) {
            double[] y = daily.get(skus.get(s));
            for (int d = from; d < end; d++) {
                int weekday = dayOfWeek(endDay, d - end);
                units[s][weekday] += y[d];
                pool[weekday] += y[d];
                totals[s] += y[d];
            }
        }
        double poolTotal = 0;
        for (double units1 : pool) {
            poolTotal += units1;
        }
        double[][] shares = new double[skus.size()][7];
        for (int s = 0; s < skus.size(); s++) {
            for (int w = 0; w < 7; w++) {
                double prior = poolTotal > 0 ? pool[w] / poolTotal : 1.0 / 7;
                shares[s][w] = (units[s][w] + PRIOR_UNITS * prior) / (totals[s] + PRIOR_UNITS);
            }
        }
        return shares;
    }

    private static int dayOfWeek(LocalDate origin, int offset) {
        return origin.plusDays(offset).getDayOfWeek().getValue() - 1;
    }
}
