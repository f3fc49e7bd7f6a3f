package com.agentfactory.ad.prediction;

import java.util.Map;

/**
 * The one training protocol every model family and every command uses: a stratified fifth of the training data is
 * held out; each candidate setting is fitted on the rest and scored by AUC on the hold-out (ranking is what the calibration
 * cannot repair); the best
 * setting's hold-out scores fit the calibrator; then the model is refitted with that setting on all the training
 * data. Nothing outside the given training data is looked at.
 */
final class ModelTraining {

    static final int HOLD_OUT_PARTS = 5;

    private ModelTraining() {}

    static Trained train(ModelTrainer trainer, Dataset training, long seed, String calibration) {
        Dataset[] split = StratifiedFolds.holdOut(training, HOLD_OUT_PARTS, seed);
        Dataset fit = split[0];
        Dataset holdOut = split[1];
        Map<String, Object> bestSettings = null;
        double[] bestScores = null;
        double bestLoss = Double.MAX_VALUE;
        double bestAuc = -1;
        for (Map<String, Object> candidate : trainer.candidates()) {
            ModelTrainer.Fitted fitted = trainer.fit(fit, candidate, holdOut);
            double[] scores = predict(fitted.model(), holdOut);
            double loss = Metrics.logLoss(scores, holdOut.labels());
            double auc = Metrics.auc(scores, holdOut.labels());
            if (auc > bestAuc) {
                bestAuc = auc;
                bestLoss = loss;
                bestSettings = fitted.settings();
                bestScores = scores;
            }
        }
        Calibrator calibrator = Calibrator.fit(calibration, bestScores, holdOut.labels());
        ModelTrainer.Fitted refitted = trainer.fit(training, bestSettings, null);
        return new Trained(new CalibratedModel(refitted.model(), calibrator), refitted.settings(), bestLoss);
    }

    static double[] predict(ClickModel model, Dataset data) {
        double[] scores = new double[data.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.predict(data.rows()[i]);
        }
        return scores;
    }

    record Trained(CalibratedModel model, Map<String, Object> settings, double holdOutLogLoss) {}
}
