package com.agentfactory.recommendation.recommendation;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.TaskProgress;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Task {@code cross-sell-products}: input {@code user_id}, optional {@code product_ids} (the purchase) and {@code limit} (10 to 50). */
@Component
class CrossSellTaskHandler implements AgentTaskHandler {

    private final RecommendationService recommendations;
    private final JsonMapper json;

    CrossSellTaskHandler(RecommendationService recommendations, JsonMapper json) {
        this.recommendations = recommendations;
        this.json = json;
    }

    @Override
    public String taskType() {
        return "cross-sell-products";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        var userId = TaskInput.uuid(task.input(), "user_id");
        var purchase = TaskInput.uuids(task.input(), "product_ids", false, RecommendationController.MAX_PRODUCTS);
        int limit = TaskInput.limit(task.input(), 10, 50);
        return json.valueToTree(recommendations.crossSell(userId, purchase, limit));
    }
}
