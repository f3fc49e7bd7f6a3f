package com.agentfactory.ad.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void aucCountsATiedPositiveNegativePairAsOneHalf() {
        // pairs (positive, negative): (0.8,0.5) win, (0.8,0.3) win, (0.5,0.5) tie, (0.5,0.3) win -> 3.5 / 4
        double[] scores = {0.8, 0.5, 0.5, 0.3};
        int[] labels = {1, 1, 0, 0};

        assertThat(Metrics.auc(scores, labels)).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void aucIsOneHalfWhenEveryScoreTiesAndZeroWhenRankingIsReversed() {
        assertThat(Metrics.auc(new double[] {0.2, 0.2, 0.2}, new int[] {1, 0, 0}))
                .isEqualTo(0.5);
        assertThat(Metrics.auc(new double[] {0.1, 0.9}, new int[] {1, 0})).isEqualTo(0.0);
    }

    @Test
    void logLossAndCalibrationMatchHandComputedValues() {
        double[] predictions = {0.5, 0.25};
        int[] labels = {1, 0};

        assertThat(Metrics.logLoss(predictions, labels))
                .isCloseTo((-Math.log(0.5) - Math.log(0.75)) / 2, within(1e-12));
        Metrics.Calibration calibration = Metrics.calibration(predictions, labels);
        assertThat(calibration.expected()).isEqualTo(0.75);
        assertThat(calibration.observed()).isEqualTo(1);
        assertThat(calibration.ratio()).isEqualTo(0.75);
    }
}
