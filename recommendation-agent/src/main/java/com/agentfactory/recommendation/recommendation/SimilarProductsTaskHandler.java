package com.agentfactory.recommendation.recommendation;

import com.agentfactory.messaging.runtime.AgentTask;
import com.agentfactory.messaging.runtime.AgentTaskHandler;
import com.agentfactory.messaging.runtime.NonRetryableTaskException;
import com.agentfactory.messaging.runtime.TaskProgress;
import com.agentfactory.recommendation.catalog.ProductNotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Task {@code similar-products}: input {@code product_id} and optional {@code limit} (1 to 50). */
@Component
class SimilarProductsTaskHandler implements AgentTaskHandler {

    private final RecommendationService recommendations;
    private final JsonMapper json;

    SimilarProductsTaskHandler(RecommendationService recommendations, JsonMapper json) {
        this.recommendations = recommendations;
        this.json = json;
    }

    @Override
    public String taskType() {
        return "similar-products";
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        var productId = TaskInput.uuid(task.input(), "product_id");
        int limit = TaskInput.limit(task.input(), 1, 50);
        try {
            return json.valueToTree(recommendations.similar(productId, limit));
        } catch (ProductNotFoundException e) {
            throw new NonRetryableTaskException(e.getMessage(), e);
        }
    }
}
