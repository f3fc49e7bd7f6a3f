package com.agentfactory.recommendation.surface;

import java.util.List;

/** A surface's response as it is cached: its list, and the same response with another list. */
interface RecommendationList<T extends RecommendationList<T>> {

    List<RecommendedProductResponse> recommendations();

    T withRecommendations(List<RecommendedProductResponse> recommendations);
}
