package com.agentfactory.inventory.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HoltWintersTest {

    private static final double[] WEEK = {10, 12, 11, 13, 20, 30, 5};

    @Test
    void learnsAWeeklyPatternAndForecastsIt() {
        double[] history = weeks(16, 0.0, new Random(1));

        var forecast = HoltWinters.fit(history, HoltWinters.WEEK).forecast(14);

        for (int day = 0; day < 14; day++) {
            assertThat(forecast.mean()[day]).isCloseTo(WEEK[(history.length + day) % 7], within(0.5));
        }
    }

    @Test
    void ninetyFivePercentIntervalsCoverAboutNinetyFivePercentOfNewDays() {
        Random random = new Random(7);
        int covered80 = 0;
        int covered95 = 0;
        int total = 0;
        for (int series = 0; series < 40; series++) {
            double[] all = weeks(20, 3.0, random);
            double[] history = java.util.Arrays.copyOf(all, 18 * 7);
            var forecast = HoltWinters.fit(history, HoltWinters.WEEK).forecast(14);
            for (int day = 0; day < 14; day++) {
                double actual = all[history.length + day];
                covered80 += actual >= forecast.lower80()[day] && actual <= forecast.upper80()[day] ? 1 : 0;
                covered95 += actual >= forecast.lower95()[day] && actual <= forecast.upper95()[day] ? 1 : 0;
                total++;
            }
        }
        assertThat(covered80 / (double) total).isBetween(0.72, 0.88);
        assertThat(covered95 / (double) total).isBetween(0.90, 0.99);
    }

    @Test
    void neverForecastsNegativeDemand() {
        double[] history = new double[28];
        history[3] = 1;

        var forecast = HoltWinters.fit(history, HoltWinters.WEEK).forecast(30);

        for (int day = 0; day < 30; day++) {
            assertThat(forecast.mean()[day]).isNotNegative();
            assertThat(forecast.lower95()[day]).isNotNegative();
            assertThat(forecast.upper95()[day]).isGreaterThanOrEqualTo(forecast.mean()[day]);
        }
    }

    private static double[] weeks(int count, double noise, Random random) {
        double[] values = new double[count * 7];
        for (int i = 0; i < values.length; i++) {
            values[i] = WEEK[i % 7] + noise * random.nextGaussian();
        }
        return values;
    }
}
