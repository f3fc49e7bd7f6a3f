package com.agentfactory.inventory.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

class EnsembleTest {

    // units per day of the week, Monday first
    private static final double[] WEEK = {2, 3, 3, 4, 6, 9, 1};
    private static final LocalDate ORIGIN = LocalDate.of(2011, 9, 5); // a Monday

    @Test
    void intermittentMethodsSmoothSizesAndIntervals() {
        double[] y = {0, 4, 0, 0, 4, 0, 4, 0};

        assertThat(BlockModels.croston(y, 0.1, false)).isBetween(1.5, 2.1);
        assertThat(BlockModels.croston(y, 0.1, true)).isLessThan(BlockModels.croston(y, 0.1, false));
        assertThat(BlockModels.tsb(new double[] {4, 4, 4, 0, 0, 0, 0, 0, 0, 0}, 0.1, 0.1))
                .as("demand that stopped decays")
                .isLessThan(3);
    }

    @Test
    void weighsModelsByTheirInnerErrors() {
        double[][] actual = {{10, 10}};
        Map<String, double[][]> inner = new LinkedHashMap<>();
        inner.put("good", new double[][] {{10, 11}});
        inner.put("bad", new double[][] {{20, 20}});

        double[][] weights = BlockEnsemble.weights(inner, actual);

        assertThat(weights[0][0]).isGreaterThan(0.9);
        assertThat(weights[0][0] + weights[0][1]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void dailyForecastsFollowTheWeekAndTheirIntervalsCoverDaysNotSeen() {
        var random = new MersenneTwister(7);
        int skus = 40;
        int weeks = 30;
        int horizon = 28;
        Map<String, double[]> history = new LinkedHashMap<>();
        Map<String, double[]> future = new LinkedHashMap<>();
        for (int s = 0; s < skus; s++) {
            double size = 0.5 + s % 5; // SKUs of different sizes, the same week
            double[] past = new double[7 * weeks];
            double[] ahead = new double[horizon];
            for (int d = 0; d < past.length; d++) {
                past[d] = draw(random, size * WEEK[d % 7]); // day 0 is a Monday
            }
            for (int d = 0; d < horizon; d++) {
                ahead[d] = draw(random, size * WEEK[d % 7]);
            }
            history.put("SKU-" + s, past);
            future.put("SKU-" + s, ahead);
        }

        var result = DailyEnsemble.forecast(
                history, ORIGIN, horizon, 4, new BlockEnsemble.Settings(30, 1, DemandCalendar.of("GB", "eng")));

        int inside80 = 0;
        int inside95 = 0;
        int cells = 0;
        for (var forecast : result.forecasts()) {
            double[] actual = future.get(forecast.sku());
            for (int d = 0; d < horizon; d++) {
                assertThat(forecast.lower95()[d]).isLessThanOrEqualTo(forecast.lower80()[d]);
                assertThat(forecast.lower80()[d]).isLessThanOrEqualTo(forecast.expected()[d]);
                assertThat(forecast.upper80()[d]).isGreaterThanOrEqualTo(forecast.expected()[d]);
                assertThat(forecast.upper95()[d]).isGreaterThanOrEqualTo(forecast.upper80()[d]);
                inside80 += inside(forecast.lower80()[d], forecast.upper80()[d], actual[d]);
                inside95 += inside(forecast.lower95()[d], forecast.upper95()[d], actual[d]);
                cells++;
            }
            assertThat(forecast.weights().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum())
                    .isCloseTo(1.0, within(0.01));
        }
        var biggest = result.forecasts().get(4); // size 4.5
        assertThat(biggest.expected()[5]).as("a Saturday").isCloseTo(4.5 * 9, within(4.5 * 9 * 0.25));
        assertThat(biggest.expected()[6]).as("a Sunday").isCloseTo(4.5, within(4.5 * 0.6));
        assertThat((double) inside80 / cells).isBetween(0.72, 0.9);
        assertThat((double) inside95 / cells).isBetween(0.88, 1.0);
        assertThat(result.innerWape()).containsKeys("ets", "croston", "sba", "tsb", "xgboost", "ensemble");
    }

    private static int inside(double low, double high, double value) {
        return value >= low && value <= high ? 1 : 0;
    }

    private static double draw(MersenneTwister random, double mean) {
        return new PoissonDistribution(random, mean, 1e-12, 10_000).sample();
    }
}
