package com.agentfactory.recommendation.recommendation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recommendations")
// no class-level @Validated: MVC's own method validation then reports the parameter by its API name
class RecommendationController {

    private final RecommendationService recommendations;

    RecommendationController(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @GetMapping("/users/{userId}")
    UserRecommendationsResponse forUser(
            @PathVariable UUID userId, @RequestParam(defaultValue = "10") @Min(10) @Max(50) int limit) {
        return recommendations.forUser(userId, limit);
    }

    @GetMapping("/products/{productId}/similar")
    SimilarProductsResponse similar(
            @PathVariable UUID productId, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return recommendations.similar(productId, limit);
    }
}
