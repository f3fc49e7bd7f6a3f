package com.agentfactory.recommendation.surface;

import java.util.List;

record BatchRecommendationsResponse(int users, List<UserRecommendationsResponse> lists) {}
