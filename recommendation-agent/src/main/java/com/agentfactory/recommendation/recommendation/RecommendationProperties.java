package com.agentfactory.recommendation.recommendation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Serving settings: the blend of the model scores, the share of distinct categories a list must reach
 * where the catalog allows, how many candidates are re-ranked, and how long a list stays cached.
 */
@Validated
@ConfigurationProperties("agentfactory.recommendation.serving")
record RecommendationProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") double collaborativeWeight,
        @DecimalMin("0.0") @DecimalMax("1.0") double popularityWeight,
        @DecimalMin("0.0") @DecimalMax("1.0") double minCategoryShare,
        @Min(50) @Max(2000) int candidatePool,
        @NotNull Duration cacheTtl) {}
