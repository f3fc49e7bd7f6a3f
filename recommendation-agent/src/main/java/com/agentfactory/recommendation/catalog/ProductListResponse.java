package com.agentfactory.recommendation.catalog;

import java.util.List;

record ProductListResponse(List<ProductSummaryResponse> products, PaginationResponse pagination) {}
