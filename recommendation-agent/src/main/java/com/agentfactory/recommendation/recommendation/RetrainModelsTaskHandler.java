package com.agentfactory.recommendation.recommendation;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.TaskProgress;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.model.TrainedModels;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Task {@code retrain-recommendation-models}: no input; trains a new version from everything stored now,
 * which goes into service unless its hold-out metrics regressed. Answers the version in service after that
 * decision; cached lists carry the model version, so none of an older version is served after a change.
 */
@Component
class RetrainModelsTaskHandler implements AgentTaskHandler {

    private final ModelService models;
    private final JsonMapper json;

    RetrainModelsTaskHandler(ModelService models, JsonMapper json) {
        this.models = models;
        this.json = json;
    }

    @Override
    public String taskType() {
        return "retrain-recommendation-models";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        TrainedModels trained = models.retrain();
        return json.valueToTree(new ModelRetrainedResponse(trained.version(), trained.trainedAt()));
    }
}
