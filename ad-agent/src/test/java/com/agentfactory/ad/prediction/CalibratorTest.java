package com.agentfactory.ad.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibratorTest {

    /** Scores that overstate the true click rate fourfold: the label is 1 with probability score / 4. */
    private static final double[] SCORES = new double[20000];

    private static final int[] LABELS = new int[20000];

    static {
        Random random = new Random(7);
        for (int i = 0; i < SCORES.length; i++) {
            SCORES[i] = 0.4 * random.nextDouble();
            LABELS[i] = random.nextDouble() < SCORES[i] / 4 ? 1 : 0;
        }
    }

    @Test
    void isotonicIsMonotoneAndMapsToTheObservedRates() {
        IsotonicCalibrator calibrator = IsotonicCalibrator.fit(SCORES, LABELS);

        double previous = 0;
        for (double s = 0; s <= 0.4; s += 0.001) {
            double calibrated = calibrator.apply(s);
            assertThat(calibrated).isGreaterThanOrEqualTo(previous);
            previous = calibrated;
        }
        assertThat(calibrator.apply(0.3)).isCloseTo(0.075, within(0.02));
        assertThat(sumOf(calibrator)).isCloseTo(observed(), within(observed() * 0.01));
    }

    @Test
    void isotonicPoolsAViolatingPairIntoTheirMean() {
        IsotonicCalibrator calibrator =
                IsotonicCalibrator.fit(new double[] {0.1, 0.2, 0.3, 0.4}, new int[] {0, 1, 0, 1});

        assertThat(calibrator.apply(0.25)).isCloseTo(0.5, within(1e-9));
        assertThat(calibrator.apply(0.4)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void plattKeepsTheRankingAndBringsExpectedClicksToObserved() {
        PlattCalibrator calibrator = PlattCalibrator.fit(SCORES, LABELS);

        assertThat(calibrator.apply(0.2)).isGreaterThan(calibrator.apply(0.1));
        assertThat(sumOf(calibrator)).isCloseTo(observed(), within(observed() * 0.05));
    }

    private static double sumOf(Calibrator calibrator) {
        double sum = 0;
        for (double score : SCORES) {
            sum += calibrator.apply(score);
        }
        return sum;
    }

    private static int observed() {
        int observed = 0;
        for (int label : LABELS) {
            observed += label;
        }
        return observed;
    }
}
