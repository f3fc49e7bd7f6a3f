package com.agentfactory.ad.allocation;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws from Beta(α, β) posteriors. Commons Math's sampler (Cheng's algorithm) is used rather than one written
 * here; the generator is passed in so allocation rounds can be replayed with a fixed seed.
 */
public final class BetaSampler {

    private final RandomGenerator random;

    public BetaSampler(RandomGenerator random) {
        this.random = random;
    }

    public double sample(double alpha, double beta) {
        return new BetaDistribution(random, alpha, beta, BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY).sample();
    }

    /** Index of the arm whose posterior draw is highest: Thompson sampling's choice. */
    public int choose(double[] alphas, double[] betas) {
        int best = 0;
        double bestDraw = -1;
        for (int i = 0; i < alphas.length; i++) {
            double draw = sample(alphas[i], betas[i]);
            if (draw > bestDraw) {
                bestDraw = draw;
                best = i;
            }
        }
        return best;
    }
}
