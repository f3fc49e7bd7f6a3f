package com.agentfactory.recommendation.recommendation;

import java.util.List;

record BatchRecommendationsResponse(int users, List<UserRecommendationsResponse> lists) {}
