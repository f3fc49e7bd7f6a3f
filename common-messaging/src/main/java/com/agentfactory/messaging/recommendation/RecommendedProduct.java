package com.agentfactory.messaging.recommendation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One product of a customer's list, as the recommendation agent serves it; its scores and model names stay
 * there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecommendedProduct(
        @JsonProperty("product_id") UUID productId,
        @JsonProperty("name") String name,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("currency") String currency,
        @JsonProperty("category") String category) {}
