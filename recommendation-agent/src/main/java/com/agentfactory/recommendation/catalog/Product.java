package com.agentfactory.recommendation.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A product as the catalog read model holds it; a null stock quantity means the storefront did not say. */
public record Product(
        UUID productId,
        String sku,
        String name,
        String description,
        String category,
        BigDecimal price,
        String currency,
        Integer stockQuantity,
        BigDecimal rating,
        Instant createdAt) {

    public boolean inStock() {
        return stockQuantity == null || stockQuantity > 0;
    }
}
