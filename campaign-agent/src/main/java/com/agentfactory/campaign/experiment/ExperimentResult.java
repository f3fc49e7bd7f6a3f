package com.agentfactory.campaign.experiment;

import java.util.List;

/**
 * What an experiment shows: each treatment against the control, the sample-ratio check, and the decision with its
 * reason. {@code decision} is {@code winner}, {@code no_difference} or {@code keep_running}.
 */
public record ExperimentResult(
        String control,
        String metricType,
        List<ArmSummary> arms,
        List<Comparison> comparisons,
        SampleRatio sampleRatio,
        String decision,
        String winner,
        String reason) {

    /**
     * One arm: {@code units} is its customers (not their enrolments: a customer who entered the journey several times
     * is one unit), {@code sum} those whose unit is 1 (for conversion, who converted after any of their entries) and
     * {@code mean} their share. {@code assigned} is the customers the assignment gave the arm, those whose outcome is
     * not known yet included (still waiting before a delayed arm's mail): the sample-ratio check weighs these, so
     * they are shown beside the units it would otherwise seem to be judged on.
     */
    public record ArmSummary(String label, long units, double sum, double mean, long assigned) {}

    /**
     * One treatment against the control. The proportion fields are null for a metric that is not 0/1, the Welch
     * fields are there for every metric.
     */
    public record Comparison(
            String treatment,
            Double difference,
            Double relativeLift,
            Double z,
            Double pValue,
            Double ciLow,
            Double ciHigh,
            Double alwaysValidPValue,
            Long sequentialLooks,
            Long requiredUnitsPerArm,
            double welchT,
            double welchDegreesOfFreedom,
            double welchPValue,
            double welchCiLow,
            double welchCiHigh,
            String decision,
            String reason) {}

    /**
     * Chi-square test of the arms' sizes against the split's weights (an even split when the arms are not a split's
     * branches); a tiny p-value means assignment is broken.
     */
    public record SampleRatio(double chiSquare, double pValue, boolean mismatch) {}
}
