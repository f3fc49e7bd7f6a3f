package com.agentfactory.recommendation.surface;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class FrequentlyBoughtTogetherTaskHandler
        implements TaskHandler<ItemsRecommendationsRequest, ItemsRecommendationsResponse> {

    private final RecommendationService recommendations;

    FrequentlyBoughtTogetherTaskHandler(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public String taskType() {
        return "frequently-bought-together";
    }

    @Override
    public String description() {
        return "What other customers bought together with the products of a cart.";
    }

    @Override
    public ItemsRecommendationsRequest example() {
        return new ItemsRecommendationsRequest(List.of(UUID.randomUUID()), null, ListLimits.DEFAULT_LIMIT);
    }

    @Override
    public ItemsRecommendationsResponse handle(ItemsRecommendationsRequest input, TaskContext context) {
        return recommendations.boughtTogether(input.productIds(), input.userId(), input.limit());
    }
}
