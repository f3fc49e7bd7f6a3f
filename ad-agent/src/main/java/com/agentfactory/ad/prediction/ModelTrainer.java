package com.agentfactory.ad.prediction;

import java.util.List;
import java.util.Map;

/** Trains one model family from labelled impressions, given hyper-parameters from its candidate grid. */
interface ModelTrainer {

    String kind();

    /** The hyper-parameter settings to choose from on a held-out part of the training data, fixed in advance. */
    List<Map<String, Object>> candidates();

    /**
     * Fits a model. With a hold-out set the trainer may choose settings that depend on it (the number of boosting
     * rounds); the returned settings then say what was chosen, so a refit on more data without a hold-out repeats it.
     */
    Fitted fit(Dataset data, Map<String, Object> settings, Dataset holdOut);

    record Fitted(ClickModel model, Map<String, Object> settings) {}
}
