package com.agentfactory.campaign.experiment;

/**
 * Always-valid p-values from the mixture sequential probability ratio test (mSPRT; Johari, Pekelis and Walsh,
 * "Always valid inference", 2017) for a difference of two conversion rates, with a normal mixture of variance
 * tau^2 around no effect. The likelihood ratio of the normal approximation at each look is
 * sqrt(V / (V + tau^2)) * exp(tau^2 * d^2 / (2 V (V + tau^2))), with d the observed difference and V its
 * variance; the p-value is the running minimum of 1 / ratio, so it may be looked at after every unit and stopped
 * on without inflating the false-positive rate. No maintained Java library offers it; the formula is short.
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
        long n1 = 0;
        long n2 = 0;
        double s1 = 0;
        double s2 = 0;
        int longest = Math.max(control.length, treatment.length);
        for (int i = 0; i < longest; i++) {
            if (i < control.length) {
                n1++;
                s1 += control[i];
            }
            if (i < treatment.length) {
                n2++;
                s2 += treatment[i];
            }
            if (n1 < burnIn || n2 < burnIn) {
                continue;
            }
            double p1 = s1 / n1;
            double p2 = s2 / n2;
            double v = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
            if (v <= 0) {
                continue;
            }
            double d = p2 - p1;
            double logRatio = 0.5 * Math.log(v / (v + tau2)) + tau2 * d * d / (2 * v * (v + tau2));
            looks++;
            pValue = Math.min(pValue, Math.min(1.0, Math.exp(-logRatio)));
        }
        return new Result(pValue, looks);
    }
}
