package com.agentfactory.ad.prediction;

import java.util.List;
import java.util.Map;

/**
 * Trains gradient-boosted trees on the one-hot features extended by {@link FieldStatistics}. The statistics are
 * fitted on the rows being fitted only (out of fold for those rows), and the hold-out is extended with them, so
 * nothing of the hold-out or of a cross-validation test fold reaches the statistics.
 */
final class FeaturedTrainer implements ModelTrainer {

    /** The weight, in impressions, of the prior click rate in a value's smoothed click rate. */
    static final double SMOOTHING = Double.parseDouble(System.getProperty("fe.m", "100"));

    private final XgboostTrainer trees;
    private final long seed;

    FeaturedTrainer(XgboostTrainer trees, long seed) {
        this.trees = trees;
        this.seed = seed;
    }

    @Override
    public String kind() {
        return FeaturedModel.KIND;
    }

    @Override
    public List<Map<String, Object>> candidates() {
        return trees.candidates();
    }

    @Override
    public Fitted fit(Dataset data, Map<String, Object> settings, Dataset holdOut) {
        FieldStatistics.Fitted statistics = FieldStatistics.fit(data, SMOOTHING, seed);
        Fitted fitted = trees.fit(
                statistics.transformed(),
                settings,
                holdOut == null ? null : statistics.statistics().apply(holdOut));
        return new Fitted(new FeaturedModel(statistics.statistics(), (GbtModel) fitted.model()), fitted.settings());
    }
}
