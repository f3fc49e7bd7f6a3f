package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Gradient-boosted trees over the one-hot features and the {@link FieldStatistics} fitted with them: a row is
 * extended by the statistics, then scored by the trees. The statistics are stored beside the trees, so the served
 * version scores a bid exactly as it was evaluated.
 */
final class FeaturedModel implements ClickModel {

    static final String KIND = "gbt-fe";

    private final FieldStatistics statistics;
    private final GbtModel trees;

    FeaturedModel(FieldStatistics statistics, GbtModel trees) {
        this.statistics = statistics;
        this.trees = trees;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double predict(SparseFeatures features) {
        return trees.predict(statistics.apply(features));
    }

    GbtModel trees() {
        return trees;
    }

    @Override
    public void save(Path folder) throws IOException {
        trees.save(folder);
        statistics.save(folder);
    }

    static FeaturedModel load(Path folder, double intercept) throws IOException {
        return new FeaturedModel(FieldStatistics.load(folder), GbtModel.load(folder, intercept));
    }
}
