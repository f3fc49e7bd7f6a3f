package com.agentfactory.campaign.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Units per arm a fixed-horizon test needs to find an absolute difference of {@code mde} with the given two-sided
 * alpha and power: for two proportions from the baseline rate (the usual normal-approximation formula, unpooled
 * under the alternative), for two means from the arms' standard deviations.
 */
final class SampleSize {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private SampleSize() {}

    static long perArm(double baseline, double mde, double alpha, double power) {
        double p1 = baseline;
        double p2 = Math.min(1.0, baseline + mde);
        double average = (p1 + p2) / 2;
        double zAlpha = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        double zBeta = NORMAL.inverseCumulativeProbability(power);
        double numerator =
                zAlpha * Math.sqrt(2 * average * (1 - average)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (long) Math.ceil(numerator * numerator / (mde * mde));
    }

    static long perArmForMeans(double controlSd, double treatmentSd, double mde, double alpha, double power) {
        double zAlpha = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        double zBeta = NORMAL.inverseCumulativeProbability(power);
        double spread = controlSd * controlSd + treatmentSd * treatmentSd;
        return (long) Math.ceil((zAlpha + zBeta) * (zAlpha + zBeta) * spread / (mde * mde));
    }
}
