package com.agentfactory.recommendation.surface;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A list built around a set of products (a cart, a checkout); {@code user_id} is set when it was personal. */
record ItemsRecommendationsResponse(
        List<UUID> productIds,
        UUID userId,
        int modelVersion,
        Instant generatedAt,
        List<RecommendedProductResponse> recommendations)
        implements RecommendationList<ItemsRecommendationsResponse> {

    @Override
    public ItemsRecommendationsResponse withRecommendations(List<RecommendedProductResponse> recommendations) {
        return new ItemsRecommendationsResponse(productIds, userId, modelVersion, generatedAt, recommendations);
    }
}
