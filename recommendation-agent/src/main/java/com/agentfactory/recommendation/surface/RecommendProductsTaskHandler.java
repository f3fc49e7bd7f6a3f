package com.agentfactory.recommendation.surface;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class RecommendProductsTaskHandler implements TaskHandler<UserListRequest, UserRecommendationsResponse> {

    private final RecommendationService recommendations;

    RecommendProductsTaskHandler(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public String taskType() {
        return "recommend-products";
    }

    @Override
    public String description() {
        return "The personal \"for you\" list of a user, from the blended models and re-ranked by the merchandising rules.";
    }

    @Override
    public UserListRequest example() {
        return new UserListRequest(UUID.randomUUID(), ListLimits.DEFAULT_LIMIT);
    }

    @Override
    public UserRecommendationsResponse handle(UserListRequest input, TaskContext context) {
        return recommendations.forUser(input.userId(), input.limit());
    }
}
