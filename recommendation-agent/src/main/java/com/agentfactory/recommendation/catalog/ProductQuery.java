package com.agentfactory.recommendation.catalog;

import java.math.BigDecimal;

/** A validated products API query; page is 1-based. */
record ProductQuery(
        String category,
        String search,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        ProductSort sort,
        int page,
        int limit) {

    long offset() {
        return (long) (page - 1) * limit;
    }
}
