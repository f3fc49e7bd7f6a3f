package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Gradient-boosted trees over the one-hot features and the {@link FieldCrosses} fitted with them: a row is extended
 * by its crosses, then scored by the trees. The crosses are stored beside the trees, so the served version scores a
 * bid exactly as it was evaluated.
 */
final class CrossedGbtModel implements ClickModel {

    static final String KIND = "gbt-cross";

    private final FieldCrosses crosses;
    private final GbtModel trees;

    CrossedGbtModel(FieldCrosses crosses, GbtModel trees) {
        this.crosses = crosses;
        this.trees = trees;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double predict(SparseFeatures features) {
        return trees.predict(crosses.apply(features));
    }

    GbtModel trees() {
        return trees;
    }

    @Override
    public void save(Path folder) throws IOException {
        trees.save(folder);
        crosses.save(folder);
    }

    static CrossedGbtModel load(Path folder, double intercept) throws IOException {
        return new CrossedGbtModel(FieldCrosses.load(folder), GbtModel.load(folder, intercept));
    }
}
