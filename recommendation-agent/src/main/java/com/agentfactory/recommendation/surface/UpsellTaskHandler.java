package com.agentfactory.recommendation.surface;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class UpsellTaskHandler implements TaskHandler<ItemsRecommendationsRequest, ItemsRecommendationsResponse> {

    private final RecommendationService recommendations;

    UpsellTaskHandler(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public String taskType() {
        return "upsell-products";
    }

    @Override
    public String description() {
        return "Pricier products of the same categories as a checkout's, the most profitable first.";
    }

    @Override
    public ItemsRecommendationsRequest example() {
        return new ItemsRecommendationsRequest(List.of(UUID.randomUUID()), null, ListLimits.DEFAULT_LIMIT);
    }

    @Override
    public ItemsRecommendationsResponse handle(ItemsRecommendationsRequest input, TaskContext context) {
        return recommendations.upsell(input.productIds(), input.userId(), input.limit());
    }
}
