package com.agentfactory.recommendation.catalog;

record PaginationResponse(long total, int page, int limit, long totalPages) {

    static PaginationResponse of(long total, int page, int limit) {
        return new PaginationResponse(total, page, limit, (total + limit - 1) / limit);
    }
}
