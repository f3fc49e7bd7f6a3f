package com.agentfactory.recommendation.surface;

import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskHandler;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class SimilarProductsTaskHandler implements TaskHandler<SimilarProductsRequest, SimilarProductsResponse> {

    private final RecommendationService recommendations;

    SimilarProductsTaskHandler(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public String taskType() {
        return "similar-products";
    }

    @Override
    public String description() {
        return "The products most like one product, for its product page; fails when the product is unknown.";
    }

    @Override
    public SimilarProductsRequest example() {
        return new SimilarProductsRequest(UUID.randomUUID(), ListLimits.DEFAULT_LIMIT);
    }

    @Override
    public SimilarProductsResponse handle(SimilarProductsRequest input, TaskContext context) {
        return recommendations.similar(input.productId(), input.limit());
    }
}
