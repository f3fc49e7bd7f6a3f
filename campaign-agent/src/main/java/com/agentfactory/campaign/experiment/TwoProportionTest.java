package com.agentfactory.campaign.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The fixed-horizon comparison of two conversion rates: the pooled two-proportion z-test (as statsmodels'
 * proportions_ztest) and a Wald interval for the difference with unpooled variances (as statsmodels'
 * confint_proportions_2indep with method "wald"). Written here because commons-math3 has the normal
 * distribution but not this test.
 */
final class TwoProportionTest {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private TwoProportionTest() {}

    record Result(
            double controlRate,
            double treatmentRate,
            double difference,
            double relativeLift,
            double z,
            double pValue,
            double ciLow,
            double ciHigh) {}

    static Result compare(
            long controlUnits,
            double controlConversions,
            long treatmentUnits,
            double treatmentConversions,
            double alpha) {
        double p1 = controlConversions / controlUnits;
        double p2 = treatmentConversions / treatmentUnits;
        double pooled = (controlConversions + treatmentConversions) / (controlUnits + treatmentUnits);
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlUnits + 1.0 / treatmentUnits));
        double difference = p2 - p1;
        double z = pooledSe == 0 ? 0 : difference / pooledSe;
        double pValue = 2 * NORMAL.cumulativeProbability(-Math.abs(z));
        double se = Math.sqrt(p1 * (1 - p1) / controlUnits + p2 * (1 - p2) / treatmentUnits);
        double critical = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        return new Result(
                p1,
                p2,
                difference,
                p1 == 0 ? Double.NaN : difference / p1,
                z,
                pValue,
                difference - critical * se,
                difference + critical * se);
    }
}
