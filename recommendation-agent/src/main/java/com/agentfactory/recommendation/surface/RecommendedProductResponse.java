package com.agentfactory.recommendation.surface;

import com.agentfactory.recommendation.catalog.Product;
import java.math.BigDecimal;
import java.util.UUID;

/** One recommended product; {@code source} names the model that proposed it. */
record RecommendedProductResponse(
        UUID productId, String name, BigDecimal price, String currency, String category, double score, String source) {

    static RecommendedProductResponse of(Product product, double score, String source) {
        return new RecommendedProductResponse(
                product.productId(),
                product.name(),
                product.price(),
                product.currency(),
                product.category(),
                Math.round(score * 1_000_000) / 1_000_000.0,
                source);
    }
}
