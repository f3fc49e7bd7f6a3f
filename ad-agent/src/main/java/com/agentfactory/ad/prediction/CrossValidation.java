package com.agentfactory.ad.prediction;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stratified k-fold cross-validation of several model families on the same folds. Each family is trained by
 * {@link ModelTraining} on the training folds only; the test fold is scored once. AUC is reported per fold and
 * as their mean; log loss and calibration over all out-of-fold predictions.
 */
final class CrossValidation {

    private final Map<String, ModelTrainer> trainers;
    private final String calibration;
    private final PrintStream progress;

    CrossValidation(Map<String, ModelTrainer> trainers, String calibration, PrintStream progress) {
        this.trainers = trainers;
        this.calibration = calibration;
        this.progress = progress;
    }

    /** Results per requested model, in the order asked; {@code ensemble} averages the fold's gbt and ftrl. */
    Map<String, Map<String, Object>> run(Dataset data, List<String> models, int folds, long seed) {
        int[] fold = StratifiedFolds.assign(data.labels(), folds, seed);
        Map<String, double[]> outOfFold = new LinkedHashMap<>();
        Map<String, List<Double>> foldAuc = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> foldSettings = new LinkedHashMap<>();
        for (String model : models) {
            outOfFold.put(model, new double[data.size()]);
            foldAuc.put(model, new ArrayList<>());
            foldSettings.put(model, new ArrayList<>());
        }
        for (int f = 0; f < folds; f++) {
            int[] testRows = StratifiedFolds.rows(fold, f, true);
            Dataset training = data.subset(StratifiedFolds.rows(fold, f, false));
            Dataset test = data.subset(testRows);
            Map<String, CalibratedModel> trained = new LinkedHashMap<>();
            for (String model : models) {
                ClickModel scored;
                if (model.equals(EnsembleModel.KIND)) {
                    List<CalibratedModel> members = new ArrayList<>();
                    for (String member : List.of(GbtModel.KIND, FtrlModel.KIND)) {
                        members.add(
                                trained.computeIfAbsent(member, kind -> trainFold(kind, training, seed, foldSettings)));
                    }
                    scored = new EnsembleModel(members);
                } else {
                    scored = trained.computeIfAbsent(model, kind -> trainFold(kind, training, seed, foldSettings));
                }
                double[] predictions = ModelTraining.predict(scored, test);
                for (int i = 0; i < testRows.length; i++) {
                    outOfFold.get(model)[testRows[i]] = predictions[i];
                }
                double auc = Metrics.auc(predictions, test.labels());
                foldAuc.get(model).add(auc);
                progress.printf("fold %d/%d %s: AUC %.4f%n", f + 1, folds, model, auc);
            }
        }
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        for (String model : models) {
            double[] predictions = outOfFold.get(model);
            Metrics.Calibration calibrated = Metrics.calibration(predictions, data.labels());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put(
                    "auc",
                    round(foldAuc.get(model).stream()
                            .mapToDouble(Double::doubleValue)
                            .average()
                            .orElse(Double.NaN)));
            result.put(
                    "auc_folds",
                    foldAuc.get(model).stream().map(CrossValidation::round).toList());
            result.put("auc_pooled", round(Metrics.auc(predictions, data.labels())));
            result.put("log_loss", round(Metrics.logLoss(predictions, data.labels())));
            result.put("expected_clicks", round(calibrated.expected()));
            result.put("observed_clicks", calibrated.observed());
            result.put("calibration_ratio", round(calibrated.ratio()));
            if (!model.equals(EnsembleModel.KIND)) {
                result.put("chosen_settings", foldSettings.get(model));
            }
            results.put(model, result);
        }
        return results;
    }

    private CalibratedModel trainFold(
            String kind, Dataset training, long seed, Map<String, List<Map<String, Object>>> foldSettings) {
        ModelTrainer trainer = trainers.get(kind);
        if (trainer == null) {
            throw new IllegalArgumentException("unknown model '" + kind + "'");
        }
        ModelTraining.Trained trained = ModelTraining.train(trainer, training, seed, calibration);
        foldSettings.computeIfAbsent(kind, k -> new ArrayList<>()).add(trained.settings());
        return trained.model();
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1e5) / 1e5;
    }
}
