package com.agentfactory.ad.allocation;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Picks which of a campaign's creatives to show: Thompson sampling on each creative's click-through rate,
 * Beta(1 + clicks, 1 + impressions − clicks). A creative that is clearly worse is shown less and less but never
 * written off, so it can recover if it was unlucky. Draws come from ThreadLocalRandom, so the bid path shares no lock.
 */
public final class CreativeRotation {

    // ThreadLocalRandom behind Commons Math's generator interface: no shared state and nothing to seed per
    // (virtual) thread, which matters on the bid path
    private static final BetaSampler SHARED = new BetaSampler(new AbstractRandomGenerator() {
        @Override
        public void setSeed(long seed) {
            // ThreadLocalRandom cannot be seeded; tests use seeded() instead
        }

        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }
    });

    private CreativeRotation() {}

    public record Arm(long impressions, long clicks) {}

    public static int choose(List<Arm> arms) {
        return choose(arms, SHARED);
    }

    public static int choose(List<Arm> arms, BetaSampler sampler) {
        if (arms.size() == 1) {
            return 0;
        }
        double[] alphas = new double[arms.size()];
        double[] betas = new double[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = arms.get(i);
            alphas[i] = 1 + arm.clicks();
            betas[i] = 1 + Math.max(0, arm.impressions() - arm.clicks());
        }
        return sampler.choose(alphas, betas);
    }

    public static BetaSampler seeded(long seed) {
        RandomGenerator random = new Well19937c(seed);
        return new BetaSampler(random);
    }
}
