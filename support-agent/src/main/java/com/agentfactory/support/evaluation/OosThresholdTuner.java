package com.agentfactory.support.evaluation;

import java.util.List;

/**
 * Picks the out-of-scope threshold on validation data: the one under which the most messages end up right, an
 * in-scope message counting when its top intent is right and not rejected, an out-of-scope one when rejected.
 * Among equally good thresholds the middle one is taken, so the choice does not sit on the edge of the plateau.
 */
final class OosThresholdTuner {

    /** Hundredths: finer steps only fit the validation sample's noise. */
    private static final int STEPS = 100;

    /**
     * @param outOfScope whether the message is out of scope
     * @param topCorrect whether the top intent is the gold one (in-scope messages only)
     * @param confidence the top intent's confidence
     */
    record Scored(boolean outOfScope, boolean topCorrect, double confidence) {}

    private OosThresholdTuner() {}

    static double tune(List<Scored> validation) {
        if (validation.stream().noneMatch(Scored::outOfScope)) {
            throw new IllegalArgumentException(
                    "the validation file has no out-of-scope rows (--oos-label) to tune the threshold on");
        }
        int best = -1;
        int firstBest = 0;
        int lastBest = 0;
        for (int step = 0; step <= STEPS; step++) {
            double threshold = (double) step / STEPS;
            int right = 0;
            for (Scored row : validation) {
                boolean rejected = row.confidence() < threshold;
                if (row.outOfScope() ? rejected : !rejected && row.topCorrect()) {
                    right++;
                }
            }
            if (right > best) {
                best = right;
                firstBest = step;
                lastBest = step;
            } else if (right == best && lastBest == step - 1) {
                lastBest = step;
            }
        }
        return (double) ((firstBest + lastBest) / 2) / STEPS;
    }
}
