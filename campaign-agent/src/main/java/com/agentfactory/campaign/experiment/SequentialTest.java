package com.agentfactory.campaign.experiment;

/**
 * Always-valid p-values from the mixture sequential probability ratio test (mSPRT; Johari, Pekelis and Walsh,
 * "Always valid inference", 2017) for a difference of two means, conversion rates being the means of 0/1 values,
 * with a normal mixture of variance tau^2 around no effect. The likelihood ratio of the normal approximation at
 * each look is sqrt(V / (V + tau^2)) * exp(tau^2 * d^2 / (2 V (V + tau^2))), with d the observed difference and V
 * its variance, var1 / n1 + var2 / n2 with each arm's variance as the mean squared deviation so far (p (1 - p) for
 * a rate); the p-value is the running minimum of 1 / ratio, so it may be looked at after every unit and stopped on
 * without inflating the false-positive rate. No maintained Java library offers it; the formula is short.
 */
final class SequentialTest {

    private SequentialTest() {}

    record Result(double alwaysValidPValue, long looks) {}

    /**
     * Replays the two arms unit by unit in arrival order (interleaved by position, as a balanced split would have
     * them arrive) and looks after each pair once both arms have {@code burnIn} units.
     */
    static Result replay(double[] control, double[] treatment, double tau, int burnIn) {
        double tau2 = tau * tau;
        double pValue = 1.0;
        long looks = 0;
        RunningMoments first = new RunningMoments();
        RunningMoments second = new RunningMoments();
        int longest = Math.max(control.length, treatment.length);
        for (int i = 0; i < longest; i++) {
            if (i < control.length) {
                first.add(control[i]);
            }
            if (i < treatment.length) {
                second.add(treatment[i]);
            }
            if (first.n < burnIn || second.n < burnIn) {
                continue;
            }
            double v = first.varianceOfMean() + second.varianceOfMean();
            if (!(v > 0)) {
                continue;
            }
            double d = second.mean - first.mean;
            double logRatio = 0.5 * Math.log(v / (v + tau2)) + tau2 * d * d / (2 * v * (v + tau2));
            looks++;
            pValue = Math.min(pValue, Math.min(1.0, Math.exp(-logRatio)));
        }
        return new Result(pValue, looks);
    }

    /**
     * Mean and squared deviations updated one value at a time (Welford), so each look costs the same however many
     * units came before it.
     */
    private static final class RunningMoments {
        private long n;
        private double mean;
        private double squaredDeviations;

        void add(double value) {
            n++;
            double delta = value - mean;
            mean += delta / n;
            squaredDeviations += delta * (value - mean);
        }

        double varianceOfMean() {
            return squaredDeviations / n / n;
        }
    }
}
