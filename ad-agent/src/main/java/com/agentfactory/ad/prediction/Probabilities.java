package com.agentfactory.ad.prediction;

/** The logistic link and its inverse, clipped away from 0 and 1 so log losses and logits stay finite. */
final class Probabilities {

    static final double EPSILON = 1e-7;

    private Probabilities() {}

    static double sigmoid(double margin) {
        return margin >= 0 ? 1 / (1 + Math.exp(-margin)) : Math.exp(margin) / (1 + Math.exp(margin));
    }

    static double clip(double p) {
        return Math.min(1 - EPSILON, Math.max(EPSILON, p));
    }

    static double logit(double p) {
        double clipped = clip(p);
        return Math.log(clipped / (1 - clipped));
    }
}
