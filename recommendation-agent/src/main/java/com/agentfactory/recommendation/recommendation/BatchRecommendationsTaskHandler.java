package com.agentfactory.recommendation.recommendation;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.NonRetryableTaskException;
import com.agentfactory.messaging.runtime.TaskProgress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Task {@code batch-recommendations}: input {@code user_ids} and optional {@code limit} (10 to 50); the "for you" list of each user, for e-mail campaigns. */
@Component
class BatchRecommendationsTaskHandler implements AgentTaskHandler {

    private final RecommendationService recommendations;
    private final JsonMapper json;

    BatchRecommendationsTaskHandler(RecommendationService recommendations, JsonMapper json) {
        this.recommendations = recommendations;
        this.json = json;
    }

    @Override
    public String taskType() {
        return "batch-recommendations";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        var userIds = TaskInput.uuids(task.input(), "user_ids", true, Integer.MAX_VALUE);
        int limit = TaskInput.limit(task.input(), 10, 50);
        try {
            return json.valueToTree(recommendations.batch(userIds, limit, progress::report));
        } catch (com.agentfactory.messaging.web.RequestValidationException e) {
            throw new NonRetryableTaskException(e.getMessage(), e);
        }
    }
}
