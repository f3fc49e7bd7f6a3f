package com.agentfactory.recommendation.recommendation;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.NonRetryableTaskException;
import com.agentfactory.messaging.runtime.TaskProgress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Task {@code abandoned-cart-recovery}: input {@code user_id} and optional {@code limit} (10 to 50); fails for a user without an abandoned cart. */
@Component
class CartRecoveryTaskHandler implements AgentTaskHandler {

    private final RecommendationService recommendations;
    private final JsonMapper json;

    CartRecoveryTaskHandler(RecommendationService recommendations, JsonMapper json) {
        this.recommendations = recommendations;
        this.json = json;
    }

    @Override
    public String taskType() {
        return "abandoned-cart-recovery";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        var userId = TaskInput.uuid(task.input(), "user_id");
        int limit = TaskInput.limit(task.input(), 10, 50);
        try {
            return json.valueToTree(recommendations.cartRecovery(userId, limit));
        } catch (NoAbandonedCartException e) {
            throw new NonRetryableTaskException(e.getMessage(), e);
        }
    }
}
