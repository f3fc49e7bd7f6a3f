package com.agentfactory.campaign.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Judges an experiment: each treatment against the control on the primary metric. Every metric gets the mSPRT
 * always-valid p-value, the sample size the minimum detectable effect needs and Welch's t-test; a 0/1 metric also
 * the two-proportion z-test with its interval. With several treatments alpha is split between them
 * (Bonferroni). The decision rests on the always-valid p-value, so it may be asked for at any time:
 * <ul>
 *   <li>winner: a treatment differs from the control below alpha (the better arm wins, the control if the
 *       treatment is worse);
 *   <li>no_difference: every arm has the units the minimum detectable effect needs and none differs;
 *   <li>keep_running: otherwise, and whenever the arms' sizes show a sample-ratio mismatch.
 * </ul>
 * A metric that is not 0/1 (spend, revenue) is judged the same way on its mean: the mSPRT p-value over the two
 * means with their observed variances, and the units per arm a difference of the minimum detectable effect needs
 * given the arms' standard deviations; Welch's test is reported beside it.
 */
public final class ExperimentAnalysis {

    /** Below this p-value the arms' sizes are taken as a broken assignment, as is usual for the SRM check. */
    static final double SRM_THRESHOLD = 0.001;

    private ExperimentAnalysis() {}

    public static ExperimentResult analyse(ArmData control, List<ArmData> treatments, AnalysisSettings settings) {
        double[] even = new double[treatments.size() + 1];
        java.util.Arrays.fill(even, 1.0);
        return analyse(control, treatments, settings, even);
    }

    /**
     * As {@link #analyse(ArmData, List, AnalysisSettings)}, with the share of units each arm (control first) was
     * assigned, such as a split's weights, so the sample-ratio check expects a 90/10 holdout to be 90/10.
     */
    public static ExperimentResult analyse(
            ArmData control, List<ArmData> treatments, AnalysisSettings settings, double[] shares) {
        if (treatments.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one treatment besides the control");
        }
        List<ArmData> all = new ArrayList<>();
        all.add(control);
        all.addAll(treatments);
        for (ArmData arm : all) {
            if (arm.units() < 2) {
                throw new IllegalArgumentException("arm '" + arm.label() + "' has fewer than 2 units");
            }
        }
        boolean binary = all.stream().allMatch(ArmData::binary);
        double alpha = settings.alpha() / treatments.size();
        if (shares.length != all.size() || java.util.Arrays.stream(shares).anyMatch(share -> !(share > 0))) {
            throw new IllegalArgumentException("every arm needs a positive share");
        }
        ExperimentResult.SampleRatio ratio = sampleRatio(all, shares);
        List<ExperimentResult.Comparison> comparisons = treatments.stream()
                .map(treatment -> compare(control, treatment, binary, alpha, settings))
                .toList();

        String decision;
        String winner = null;
        String reason;
        Optional<ExperimentResult.Comparison> significant = comparisons.stream()
                .filter(comparison -> comparison.decision().equals("winner"))
                .max(Comparator.comparingDouble(comparison -> welchOrProportionDifference(comparison)));
        if (ratio.mismatch()) {
            decision = "keep_running";
            reason = "sample ratio mismatch (chi-square p = " + format(ratio.pValue())
                    + "): the arms' sizes do not fit the split's weights, so assignment must be fixed before deciding";
        } else if (significant.isPresent()) {
            ExperimentResult.Comparison best = significant.get();
            decision = "winner";
            winner = welchOrProportionDifference(best) > 0 ? best.treatment() : control.label();
            reason = best.reason();
        } else if (comparisons.stream()
                .allMatch(comparison -> comparison.decision().equals("no_difference"))) {
            decision = "no_difference";
            reason = "every arm reached the units the minimum detectable effect of " + settings.mde()
                    + " needs, and no treatment differs from the control at alpha " + format(alpha);
        } else {
            decision = "keep_running";
            reason = comparisons.stream()
                    .filter(comparison -> comparison.decision().equals("keep_running"))
                    .map(ExperimentResult.Comparison::reason)
                    .findFirst()
                    .orElse("not enough evidence yet");
        }
        return new ExperimentResult(
                control.label(),
                binary ? "proportion" : "mean",
                all.stream()
                        .map(arm -> new ExperimentResult.ArmSummary(
                                arm.label(), arm.units(), arm.sum(), arm.mean(), arm.assigned()))
                        .toList(),
                comparisons,
                ratio,
                decision,
                winner,
                reason);
    }

    private static ExperimentResult.Comparison compare(
            ArmData control, ArmData treatment, boolean binary, double alpha, AnalysisSettings settings) {
        WelchTest.Result welch = WelchTest.compare(control.values(), treatment.values(), alpha);
        if (!binary) {
            SequentialTest.Result sequential =
                    SequentialTest.replay(control.values(), treatment.values(), settings.tau(), settings.burnIn());
            long required = Math.max(
                    settings.burnIn(),
                    SampleSize.perArmForMeans(
                            control.standardDeviation(),
                            treatment.standardDeviation(),
                            settings.mde(),
                            alpha,
                            settings.power()));
            long smallest = Math.min(control.units(), treatment.units());
            String decision = sequential.alwaysValidPValue() < alpha
                    ? "winner"
                    : smallest >= required ? "no_difference" : "keep_running";
            String reason =
                    switch (decision) {
                        case "winner" ->
                            "'" + treatment.label() + "' differs from '" + control.label() + "' by "
                                    + format(welch.difference()) + " (always-valid p = "
                                    + format(sequential.alwaysValidPValue()) + " < " + format(alpha) + ")";
                        case "no_difference" ->
                            "each arm has the " + required + " units needed and the always-valid p = "
                                    + format(sequential.alwaysValidPValue()) + " is not below " + format(alpha);
                        default ->
                            smallest + " of the " + required + " units per arm the minimum detectable effect needs;"
                                    + " always-valid p = " + format(sequential.alwaysValidPValue());
                    };
            return new ExperimentResult.Comparison(
                    treatment.label(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    sequential.alwaysValidPValue(),
                    sequential.looks(),
                    required,
                    welch.t(),
                    welch.degreesOfFreedom(),
                    welch.pValue(),
                    welch.ciLow(),
                    welch.ciHigh(),
                    decision,
                    reason);
        }
        TwoProportionTest.Result fixed =
                TwoProportionTest.compare(control.units(), control.sum(), treatment.units(), treatment.sum(), alpha);
        SequentialTest.Result sequential =
                SequentialTest.replay(control.values(), treatment.values(), settings.tau(), settings.burnIn());
        long required = SampleSize.perArm(fixed.controlRate(), settings.mde(), alpha, settings.power());
        long smallest = Math.min(control.units(), treatment.units());
        String decision;
        String reason;
        if (sequential.alwaysValidPValue() < alpha) {
            decision = "winner";
            reason = "'" + treatment.label() + "' converts at " + format(fixed.treatmentRate()) + " against "
                    + format(fixed.controlRate()) + " for '" + control.label() + "' (always-valid p = "
                    + format(sequential.alwaysValidPValue()) + " < " + format(alpha) + ")";
        } else if (smallest >= required) {
            decision = "no_difference";
            reason = "each arm has the " + required + " units needed and the always-valid p = "
                    + format(sequential.alwaysValidPValue()) + " is not below " + format(alpha);
        } else {
            decision = "keep_running";
            reason = smallest + " of the " + required + " units per arm the minimum detectable effect needs;"
                    + " always-valid p = " + format(sequential.alwaysValidPValue());
        }
        return new ExperimentResult.Comparison(
                treatment.label(),
                fixed.difference(),
                Double.isNaN(fixed.relativeLift()) ? null : fixed.relativeLift(),
                fixed.z(),
                fixed.pValue(),
                fixed.ciLow(),
                fixed.ciHigh(),
                sequential.alwaysValidPValue(),
                sequential.looks(),
                required,
                welch.t(),
                welch.degreesOfFreedom(),
                welch.pValue(),
                welch.ciLow(),
                welch.ciHigh(),
                decision,
                reason);
    }

    private static double welchOrProportionDifference(ExperimentResult.Comparison comparison) {
        return comparison.difference() != null
                ? comparison.difference()
                : (comparison.welchCiLow() + comparison.welchCiHigh()) / 2;
    }

    /**
     * On the units assigned, not those measured: an arm whose outcomes come later (a wait before its mail) is not
     * smaller for it.
     */
    private static ExperimentResult.SampleRatio sampleRatio(List<ArmData> arms, double[] shares) {
        long total = arms.stream().mapToLong(ArmData::assigned).sum();
        double sharesTotal = java.util.Arrays.stream(shares).sum();
        double[] expected = new double[arms.size()];
        long[] observed = new long[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
            expected[i] = total * shares[i] / sharesTotal;
            observed[i] = arms.get(i).assigned();
        }
        ChiSquareTest test = new ChiSquareTest();
        double chiSquare = test.chiSquare(expected, observed);
        double pValue = test.chiSquareTest(expected, observed);
        return new ExperimentResult.SampleRatio(chiSquare, pValue, pValue < SRM_THRESHOLD);
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
