package com.agentfactory.recommendation.model;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the version in service after the promotion decision; cached lists carry the model version, so none
 * of an older version is served after a change.
 */
@Component
class RetrainModelsTaskHandler implements TaskHandler<RetrainModelsRequest, ModelRetrainedResponse> {

    private final ModelService models;

    RetrainModelsTaskHandler(ModelService models) {
        this.models = models;
    }

    @Override
    public String taskType() {
        return "retrain-recommendation-models";
    }

    @Override
    public String description() {
        return "Trains a new model version from every stored interaction, put in service unless its hold-out metrics regressed.";
    }

    @Override
    public RetrainModelsRequest example() {
        return new RetrainModelsRequest();
    }

    @Override
    public ModelRetrainedResponse handle(RetrainModelsRequest input, TaskContext context) {
        TrainedModels trained = models.retrain();
        return new ModelRetrainedResponse(trained.version(), trained.trainedAt());
    }
}
