package com.agentfactory.recommendation.surface;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class CrossSellTaskHandler implements TaskHandler<CrossSellRequest, UserRecommendationsResponse> {

    private final RecommendationService recommendations;

    CrossSellTaskHandler(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public String taskType() {
        return "cross-sell-products";
    }

    @Override
    public String description() {
        return "Products of other categories that complement what a user just bought (or everything the user bought).";
    }

    @Override
    public CrossSellRequest example() {
        return new CrossSellRequest(UUID.randomUUID(), List.of(), ListLimits.DEFAULT_LIMIT);
    }

    @Override
    public UserRecommendationsResponse handle(CrossSellRequest input, TaskContext context) {
        return recommendations.crossSell(input.userId(), input.productIds(), input.limit());
    }
}
