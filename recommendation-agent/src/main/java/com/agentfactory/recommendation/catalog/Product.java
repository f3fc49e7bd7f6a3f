package com.agentfactory.recommendation.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A product as the catalog read model holds it; the stock quantity is the units available in all warehouses as
 * the inventory agent reports them (the product feed's until it has), null when neither said; a null margin means
 * the margin is unknown.
 */
public record Product(
        UUID productId,
        String sku,
        String name,
        String description,
        String category,
        BigDecimal price,
        String currency,
        BigDecimal margin,
        Integer stockQuantity,
        BigDecimal rating,
        Instant createdAt) {

    public boolean inStock() {
        return stockQuantity == null || stockQuantity > 0;
    }

    /** Margin as a share of the price, between 0 and 1; 0 when unknown. */
    public double marginRate() {
        if (margin == null || price == null || price.signum() <= 0) {
            return 0;
        }
        return Math.clamp(margin.doubleValue() / price.doubleValue(), 0.0, 1.0);
    }
}
