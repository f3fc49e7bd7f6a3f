package com.agentfactory.recommendation.recommendation;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.TaskProgress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Task {@code upsell-products}: input {@code product_ids} (the checkout), optional {@code user_id} and {@code limit} (1 to 50). */
@Component
class UpsellTaskHandler implements AgentTaskHandler {

    private final RecommendationService recommendations;
    private final JsonMapper json;

    UpsellTaskHandler(RecommendationService recommendations, JsonMapper json) {
        this.recommendations = recommendations;
        this.json = json;
    }

    @Override
    public String taskType() {
        return "upsell-products";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        var cart = TaskInput.uuids(task.input(), "product_ids", true, RecommendationController.MAX_PRODUCTS);
        var userId = TaskInput.optionalUuid(task.input(), "user_id");
        int limit = TaskInput.limit(task.input(), 1, 50);
        return json.valueToTree(recommendations.upsell(cart, userId, limit));
    }
}
