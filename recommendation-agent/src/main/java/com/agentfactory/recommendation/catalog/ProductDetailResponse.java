package com.agentfactory.recommendation.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

record ProductDetailResponse(
        UUID productId,
        String sku,
        String name,
        String description,
        BigDecimal price,
        String currency,
        String category,
        Integer stockQuantity,
        BigDecimal rating,
        List<String> images,
        List<Object> reviews,
        Instant createdAt,
        List<ProductSummaryResponse> recommendations) {

    static ProductDetailResponse of(Product product, List<ProductSummaryResponse> recommendations) {
        return new ProductDetailResponse(
                product.productId(),
                product.sku(),
                product.name(),
                product.description(),
                product.price(),
                product.currency(),
                product.category(),
                product.stockQuantity(),
                product.rating(),
                List.of(),
                List.of(),
                product.createdAt(),
                recommendations);
    }
}
