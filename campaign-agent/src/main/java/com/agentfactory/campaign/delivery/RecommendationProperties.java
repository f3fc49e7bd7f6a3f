package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.recommendation.RecommendationClientSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the product lists of messages come from and how long a send may wait for them.
 *
 * @param url the recommendation agent's base URL (env {@code RECOMMENDATION_URL})
 * @param readTimeout the longest a send waits for its products before it goes out with the fallback
 * @param waitInOpenState how long sends go out with the fallback without asking, once the agent has kept failing
 * @param productsPerMessage how many products a message lists at most
 * @param productUrl a product's page in the storefront, {@code {product_id}} standing for its id
 */
@ConfigurationProperties("agentfactory.campaign.recommendations")
@Validated
public record RecommendationProperties(
        @NotBlank String url,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @NotNull Duration waitInOpenState,
        @Min(1) @Max(50) int productsPerMessage,
        @NotBlank String productUrl) {

    public RecommendationClientSettings clientSettings() {
        return new RecommendationClientSettings(url, connectTimeout, readTimeout, waitInOpenState);
    }
}
