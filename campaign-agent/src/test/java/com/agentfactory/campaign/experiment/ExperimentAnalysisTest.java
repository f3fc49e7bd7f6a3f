package com.agentfactory.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExperimentAnalysisTest {

    private static final AnalysisSettings SETTINGS = new AnalysisSettings(0.05, 0.8, 0.02, 0.02, 100);

    @Test
    void peekingAfterEveryUnitKeepsFalseWinnersNearAlphaWithTheAlwaysValidPValue() {
        // A/A tests: both arms convert at 10%; a fixed-horizon test looked at after every unit would declare far
        // more than 5% of them; the mSPRT p-value is valid at every look, so at most about alpha of them win
        Random random = new Random(20261203L);
        int runs = 200;
        int falseWinners = 0;
        for (int run = 0; run < runs; run++) {
            double[] control = bernoulli(random, 3000, 0.10);
            double[] treatment = bernoulli(random, 3000, 0.10);
            if (SequentialTest.replay(control, treatment, 0.02, 100).alwaysValidPValue() < 0.05) {
                falseWinners++;
            }
        }
        assertThat((double) falseWinners / runs).isLessThanOrEqualTo(0.07);
    }

    @Test
    void findsARealDifferenceSequentially() {
        Random random = new Random(7L);
        ExperimentResult result = ExperimentAnalysis.analyse(
                new ArmData("control", bernoulli(random, 6000, 0.10)),
                List.of(new ArmData("treatment", bernoulli(random, 6000, 0.14))),
                SETTINGS);

        assertThat(result.decision()).isEqualTo("winner");
        assertThat(result.winner()).isEqualTo("treatment");
        assertThat(result.comparisons().getFirst().ciLow()).isPositive();
    }

    @Test
    void aWorseTreatmentMakesTheControlTheWinner() {
        Random random = new Random(8L);
        ExperimentResult result = ExperimentAnalysis.analyse(
                new ArmData("control", bernoulli(random, 6000, 0.14)),
                List.of(new ArmData("treatment", bernoulli(random, 6000, 0.10))),
                SETTINGS);

        assertThat(result.decision()).isEqualTo("winner");
        assertThat(result.winner()).isEqualTo("control");
    }

    @Test
    void keepsRunningWhileTheArmsAreSmallerThanTheMinimumDetectableEffectNeeds() {
        Random random = new Random(9L);
        ExperimentResult result = ExperimentAnalysis.analyse(
                new ArmData("control", bernoulli(random, 300, 0.10)),
                List.of(new ArmData("treatment", bernoulli(random, 300, 0.10))),
                SETTINGS);

        assertThat(result.decision()).isEqualTo("keep_running");
        assertThat(result.reason()).contains("of the").contains("units per arm");
        assertThat(result.comparisons().getFirst().requiredUnitsPerArm())
                .isEqualTo(SampleSize.perArm(result.arms().getFirst().mean(), 0.02, 0.05, 0.8));
    }

    @Test
    void declaresNoDifferenceOnceTheArmsAreLargeEnough() {
        Random random = new Random(10L);
        ExperimentResult result = ExperimentAnalysis.analyse(
                new ArmData("control", bernoulli(random, 8000, 0.10)),
                List.of(new ArmData("treatment", bernoulli(random, 8000, 0.10))),
                SETTINGS);

        assertThat(result.decision()).isEqualTo("no_difference");
        assertThat(result.winner()).isNull();
    }

    @Test
    void judgesTheSampleRatioAgainstTheSplitsWeights() {
        Random random = new Random(13L);
        ArmData heldOut = new ArmData("held_out", bernoulli(random, 500, 0.10));
        List<ArmData> mailed = List.of(new ArmData("mail", bernoulli(random, 4500, 0.10)));

        assertThat(ExperimentAnalysis.analyse(heldOut, mailed, SETTINGS, new double[] {10, 90})
                        .sampleRatio()
                        .mismatch())
                .as("a 10/90 holdout split 500/4,500")
                .isFalse();
        assertThat(ExperimentAnalysis.analyse(heldOut, mailed, SETTINGS)
                        .sampleRatio()
                        .mismatch())
                .as("the same arms taken for an even split")
                .isTrue();
    }

    @Test
    void anArmWhoseCustomersStillWaitBeforeTheirMailIsNoSmallerForTheSampleRatioCheck() {
        Random random = new Random(14L);
        // an even split of 5,000 each way; 500 of the arm that waits first have not had their mail yet, so only
        // 4,500 of its opens are known
        ArmData mailedAtOnce = new ArmData("mail_now", bernoulli(random, 5000, 0.20));
        ArmData waitsFirst = new ArmData("mail_after_a_wait", bernoulli(random, 4500, 0.20), 5000);

        ExperimentResult result = ExperimentAnalysis.analyse(mailedAtOnce, List.of(waitsFirst), SETTINGS);

        assertThat(result.sampleRatio().mismatch()).isFalse();
        assertThat(result.reason()).doesNotContain("sample ratio mismatch");
        assertThat(result.arms().getLast().units())
                .as("the proportions are of the known outcomes alone")
                .isEqualTo(4500);
        assertThat(result.arms())
                .as("each arm shows the assignments the check weighed")
                .extracting(ExperimentResult.ArmSummary::assigned)
                .containsExactly(5000L, 5000L);
    }

    @Test
    void aSampleRatioMismatchKeepsTheExperimentRunningWhateverTheEffect() {
        Random random = new Random(11L);
        ExperimentResult result = ExperimentAnalysis.analyse(
                new ArmData("control", bernoulli(random, 5000, 0.10)),
                List.of(new ArmData("treatment", bernoulli(random, 6000, 0.20))),
                SETTINGS);

        assertThat(result.sampleRatio().mismatch()).isTrue();
        assertThat(result.decision()).isEqualTo("keep_running");
        assertThat(result.reason()).contains("sample ratio mismatch");
    }

    @Test
    void theSampleSizeMatchesTheTextbookFigure() {
        // 10% baseline, +2 points, alpha 0.05 two-sided, power 0.8: 3,841 per arm (normal approximation)
        assertThat(SampleSize.perArm(0.10, 0.02, 0.05, 0.8)).isEqualTo(3841);
    }

    @Test
    void refusesAnArmWithTooFewUnits() {
        assertThatThrownBy(() -> ExperimentAnalysis.analyse(
                        new ArmData("control", new double[] {1}),
                        List.of(new ArmData("treatment", new double[] {0, 1})),
                        SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control");
    }

    @Test
    void peekingAtAMeanMetricKeepsFalseWinnersNearAlphaToo() {
        // A/A tests on a skewed spend metric (most units spend nothing): the always-valid p-value over the means
        Random random = new Random(20261204L);
        int runs = 200;
        int falseWinners = 0;
        for (int run = 0; run < runs; run++) {
            double[] control = spend(random, 3000, 0.2, 50);
            double[] treatment = spend(random, 3000, 0.2, 50);
            if (SequentialTest.replay(control, treatment, 2.0, 100).alwaysValidPValue() < 0.05) {
                falseWinners++;
            }
        }
        assertThat((double) falseWinners / runs).isLessThanOrEqualTo(0.07);
    }

    @Test
    void findsADifferenceInMeanSpendSequentially() {
        Random random = new Random(11L);
        AnalysisSettings spendSettings = new AnalysisSettings(0.05, 0.8, 3.0, 3.0, 100);
        ExperimentResult result = ExperimentAnalysis.analyse(
                new ArmData("control", spend(random, 6000, 0.20, 50)),
                List.of(new ArmData("treatment", spend(random, 6000, 0.26, 50))),
                spendSettings);

        ExperimentResult.Comparison comparison = result.comparisons().getFirst();
        assertThat(result.metricType()).isEqualTo("mean");
        assertThat(result.decision()).isEqualTo("winner");
        assertThat(result.winner()).isEqualTo("treatment");
        assertThat(comparison.alwaysValidPValue()).isLessThan(0.05);
        assertThat(comparison.requiredUnitsPerArm()).isPositive();
        assertThat(comparison.z()).isNull();
    }

    @Test
    void keepsRunningAMeanMetricUntilTheArmsHaveTheUnitsItsSpreadNeeds() {
        Random random = new Random(12L);
        AnalysisSettings spendSettings = new AnalysisSettings(0.05, 0.8, 1.0, 1.0, 100);
        ExperimentResult result = ExperimentAnalysis.analyse(
                new ArmData("control", spend(random, 400, 0.20, 50)),
                List.of(new ArmData("treatment", spend(random, 400, 0.20, 50))),
                spendSettings);

        ExperimentResult.Comparison comparison = result.comparisons().getFirst();
        assertThat(result.decision()).isEqualTo("keep_running");
        assertThat(comparison.requiredUnitsPerArm()).isGreaterThan(400);
        assertThat(comparison.reason()).contains("400 of the " + comparison.requiredUnitsPerArm() + " units");
    }

    @Test
    void aRateIsTheMeanOfItsZerosAndOnesInTheSequentialTest() {
        // one look at the end: the ratio from p (1 - p) / n, as the test was first written for rates
        double[] control = {0, 1, 0, 0, 1, 0, 0, 0, 1, 0};
        double[] treatment = {1, 1, 0, 1, 1, 0, 1, 0, 1, 1};
        double p1 = 0.3;
        double p2 = 0.7;
        double v = p1 * (1 - p1) / 10 + p2 * (1 - p2) / 10;
        double tau2 = 0.04;
        double d = p2 - p1;
        double expected = Math.exp(-(0.5 * Math.log(v / (v + tau2)) + tau2 * d * d / (2 * v * (v + tau2))));

        assertThat(SequentialTest.replay(control, treatment, 0.2, 10).alwaysValidPValue())
                .isCloseTo(Math.min(1.0, expected), org.assertj.core.api.Assertions.within(1e-12));
    }

    /** A unit buys with probability {@code rate}, then spends an exponential amount of mean {@code meanSpend}. */
    @Test
    void reportsNoEvidenceWhenNeitherArmHasConvertedYet() {
        ExperimentResult result = ExperimentAnalysis.analyse(
                new ArmData("control", new double[200]), List.of(new ArmData("treatment", new double[200])), SETTINGS);

        ExperimentResult.Comparison comparison = result.comparisons().getFirst();
        assertThat(comparison.welchPValue()).isEqualTo(1.0);
        assertThat(comparison.welchT()).isZero();
        assertThat(comparison.welchCiLow()).isZero();
        assertThat(comparison.welchCiHigh()).isZero();
        assertThat(result.decision()).isEqualTo("keep_running");
    }

    @Test
    void welchsTestOfTwoArmsThatDoNotVaryGivesPOneAndAnIntervalOfNoWidth() {
        WelchTest.Result result = WelchTest.compare(new double[] {5, 5, 5}, new double[] {7, 7, 7, 7}, 0.05);

        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.difference()).isEqualTo(2.0);
        assertThat(result.ciLow()).isEqualTo(2.0);
        assertThat(result.ciHigh()).isEqualTo(2.0);
    }

    private static double[] spend(Random random, int units, double rate, double meanSpend) {
        double[] values = new double[units];
        for (int i = 0; i < units; i++) {
            values[i] = random.nextDouble() < rate ? -meanSpend * Math.log(1 - random.nextDouble()) : 0;
        }
        return values;
    }

    private static double[] bernoulli(Random random, int units, double rate) {
        double[] values = new double[units];
        for (int i = 0; i < units; i++) {
            values[i] = random.nextDouble() < rate ? 1 : 0;
        }
        return values;
    }
}
