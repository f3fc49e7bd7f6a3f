package com.agentfactory.recommendation.surface;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record UserRecommendationsResponse(
        UUID userId, int modelVersion, Instant generatedAt, List<RecommendedProductResponse> recommendations)
        implements RecommendationList<UserRecommendationsResponse> {

    @Override
    public UserRecommendationsResponse withRecommendations(List<RecommendedProductResponse> recommendations) {
        return new UserRecommendationsResponse(userId, modelVersion, generatedAt, recommendations);
    }
}
