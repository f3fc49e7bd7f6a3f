package com.agentfactory.recommendation.catalog;

import java.math.BigDecimal;
import java.util.UUID;

record ProductSummaryResponse(
        UUID productId,
        String name,
        BigDecimal price,
        String currency,
        String category,
        BigDecimal rating,
        String imageUrl,
        boolean inStock) {

    static ProductSummaryResponse of(Product product) {
        return new ProductSummaryResponse(
                product.productId(),
                product.name(),
                product.price(),
                product.currency(),
                product.category(),
                product.rating(),
                null,
                product.inStock());
    }
}
