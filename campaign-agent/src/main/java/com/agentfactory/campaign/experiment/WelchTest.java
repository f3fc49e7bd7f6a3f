package com.agentfactory.campaign.experiment;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's t-test for a difference of means with unequal variances (scipy's ttest_ind with equal_var=False), with
 * the interval for the difference on the Welch-Satterthwaite degrees of freedom. The p-value is commons-math3's.
 */
final class WelchTest {

    private WelchTest() {}

    record Result(
            double controlMean,
            double treatmentMean,
            double difference,
            double t,
            double degreesOfFreedom,
            double pValue,
            double ciLow,
            double ciHigh) {}

    static Result compare(double[] control, double[] treatment, double alpha) {
        Variance variance = new Variance(true);
        double m1 = mean(control);
        double m2 = mean(treatment);
        double v1 = variance.evaluate(control) / control.length;
        double v2 = variance.evaluate(treatment) / treatment.length;
        double difference = m2 - m1;
        if (!(v1 + v2 > 0)) {
            // neither arm varies (no conversions yet, say): t and its degrees of freedom are 0/0, which
            // commons-math refuses; the data give no evidence of a difference, and the interval has no width to
            // estimate, so it is reported as the observed difference itself
            return new Result(m1, m2, difference, 0, 0, 1, difference, difference);
        }
        double se = Math.sqrt(v1 + v2);
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (control.length - 1) + v2 * v2 / (treatment.length - 1));
        double t = difference / se;
        double pValue = new TTest().tTest(treatment, control);
        double critical = new TDistribution(df).inverseCumulativeProbability(1 - alpha / 2);
        return new Result(m1, m2, difference, t, df, pValue, difference - critical * se, difference + critical * se);
    }

    private static double mean(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total / values.length;
    }
}
