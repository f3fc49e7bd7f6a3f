package com.agentfactory.ad.prediction;

import java.util.List;
import java.util.Map;

/**
 * Trains gradient-boosted trees on the one-hot features extended by {@link FieldCrosses}, with the same grid and
 * early stopping as plain trees. The crosses are fitted on the rows being fitted only; the hold-out is extended with
 * them, so nothing of the hold-out or of a cross-validation test fold is looked at.
 */
final class CrossedGbtTrainer implements ModelTrainer {

    private final XgboostTrainer trees;

    CrossedGbtTrainer(XgboostTrainer trees) {
        this.trees = trees;
    }

    @Override
    public String kind() {
        return CrossedGbtModel.KIND;
    }

    @Override
    public List<Map<String, Object>> candidates() {
        return trees.candidates();
    }

    @Override
    public Fitted fit(Dataset data, Map<String, Object> settings, Dataset holdOut) {
        FieldCrosses crosses = FieldCrosses.fit(data);
        Fitted fitted = trees.fit(crosses.apply(data), settings, holdOut == null ? null : crosses.apply(holdOut));
        return new Fitted(new CrossedGbtModel(crosses, (GbtModel) fitted.model()), fitted.settings());
    }
}
