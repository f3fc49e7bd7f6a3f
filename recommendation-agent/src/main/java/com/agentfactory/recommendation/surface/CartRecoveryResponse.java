package com.agentfactory.recommendation.surface;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record CartRecoveryResponse(
        UUID userId,
        Instant abandonedAt,
        int modelVersion,
        Instant generatedAt,
        List<RecommendedProductResponse> recommendations)
        implements RecommendationList<CartRecoveryResponse> {

    @Override
    public CartRecoveryResponse withRecommendations(List<RecommendedProductResponse> recommendations) {
        return new CartRecoveryResponse(userId, abandonedAt, modelVersion, generatedAt, recommendations);
    }
}
