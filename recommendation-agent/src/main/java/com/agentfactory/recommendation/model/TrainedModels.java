package com.agentfactory.recommendation.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The models in service, trained together from one snapshot of the interactions. */
public record TrainedModels(int version, Instant trainedAt, ItemCfModel itemCf, PopularityModel popularity) {

    static TrainedModels untrained() {
        return new TrainedModels(
                0, Instant.EPOCH, ItemCfModel.train(List.of(), 1), PopularityModel.train(List.of(), Map.of()));
    }
}
