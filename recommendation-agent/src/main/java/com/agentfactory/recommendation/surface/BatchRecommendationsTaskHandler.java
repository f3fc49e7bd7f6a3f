package com.agentfactory.recommendation.surface;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class BatchRecommendationsTaskHandler
        implements TaskHandler<BatchRecommendationsRequest, BatchRecommendationsResponse> {

    private final RecommendationService recommendations;

    BatchRecommendationsTaskHandler(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public String taskType() {
        return "batch-recommendations";
    }

    @Override
    public String description() {
        return "The \"for you\" lists of many users at once, for an e-mail campaign: at most "
                + ListLimits.MAX_BATCH_USERS + " users, and users times limit at most " + ListLimits.MAX_BATCH_PRODUCTS
                + ", what one answer carries.";
    }

    @Override
    public BatchRecommendationsRequest example() {
        return new BatchRecommendationsRequest(List.of(UUID.randomUUID(), UUID.randomUUID()), ListLimits.DEFAULT_LIMIT);
    }

    @Override
    public BatchRecommendationsResponse handle(BatchRecommendationsRequest input, TaskContext context) {
        return recommendations.batch(input.userIds(), input.limit(), context::reportProgress);
    }
}
