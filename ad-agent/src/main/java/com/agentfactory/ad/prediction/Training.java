package com.agentfactory.ad.prediction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trains one model family, or the gbt + ftrl ensemble, on a whole data set for storing as a version. */
final class Training {

    private Training() {}

    static TrainedVersion train(
            Map<String, ModelTrainer> trainers, String kind, Dataset data, long seed, String calibration) {
        if (!kind.equals(EnsembleModel.KIND)) {
            ModelTraining.Trained trained = ModelTraining.train(trainers.get(kind), data, seed, calibration);
            return new TrainedVersion(
                    trained.model(), trained.settings(), Map.of("hold_out_log_loss", trained.holdOutLogLoss()));
        }
        List<CalibratedModel> members = new ArrayList<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String member : List.of(GbtModel.KIND, FtrlModel.KIND)) {
            ModelTraining.Trained trained = ModelTraining.train(trainers.get(member), data, seed, calibration);
            members.add(trained.model());
            settings.put(member, trained.settings());
            metrics.put(member + "_hold_out_log_loss", trained.holdOutLogLoss());
        }
        return new TrainedVersion(new EnsembleModel(members), settings, metrics);
    }
}
