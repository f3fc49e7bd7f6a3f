package com.agentfactory.recommendation.surface;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record UserRecommendationsResponse(
        UUID userId, int modelVersion, Instant generatedAt, List<RecommendedProductResponse> recommendations) {}
