package com.agentfactory.recommendation.surface;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record SimilarProductsResponse(
        UUID productId, int modelVersion, Instant generatedAt, List<RecommendedProductResponse> recommendations)
        implements RecommendationList<SimilarProductsResponse> {

    @Override
    public SimilarProductsResponse withRecommendations(List<RecommendedProductResponse> recommendations) {
        return new SimilarProductsResponse(productId, modelVersion, generatedAt, recommendations);
    }
}
