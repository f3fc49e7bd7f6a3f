package com.agentfactory.campaign.experiment;

/**
 * How an experiment is judged: two-sided {@code alpha}, {@code power} and minimum detectable effect {@code mde}
 * (absolute, on the metric's scale) for the sample size, {@code tau} the mSPRT mixture's standard deviation (the
 * size of effect the test is most sensitive to), and {@code burnIn} units per arm before the first sequential look.
 */
public record AnalysisSettings(double alpha, double power, double mde, double tau, int burnIn) {

    public static final AnalysisSettings DEFAULTS = new AnalysisSettings(0.05, 0.8, 0.01, 0.01, 100);

    public AnalysisSettings {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be between 0 and 0.5");
        }
        if (!(power > 0.5 && power < 1)) {
            throw new IllegalArgumentException("power must be between 0.5 and 1");
        }
        if (!(mde > 0)) {
            throw new IllegalArgumentException("mde must be positive");
        }
        if (!(tau > 0)) {
            throw new IllegalArgumentException("tau must be positive");
        }
        if (burnIn < 2) {
            throw new IllegalArgumentException("burn-in must be at least 2");
        }
    }
}
