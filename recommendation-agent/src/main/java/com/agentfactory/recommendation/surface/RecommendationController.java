package com.agentfactory.recommendation.surface;

import static com.agentfactory.recommendation.surface.ListLimits.MAX_LIST;
import static com.agentfactory.recommendation.surface.ListLimits.MAX_PRODUCTS;
import static com.agentfactory.recommendation.surface.ListLimits.MIN_USER_LIST;
import static com.agentfactory.recommendation.surface.ListLimits.MIN_WIDGET_LIST;

import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.recommendation.access.CallerAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recommendation surfaces; their limits are the {@link ListLimits} the task inputs declare too. */
@RestController
@RequestMapping("/api/v1/recommendations")
// no class-level @Validated: MVC's own method validation then reports the parameter by its API name
class RecommendationController {

    private static final String DEFAULT_LIMIT = "" + ListLimits.DEFAULT_LIMIT;

    private final RecommendationService recommendations;

    RecommendationController(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @GetMapping("/users/{userId}")
    UserRecommendationsResponse forUser(
            @PathVariable UUID userId,
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Min(MIN_USER_LIST) @Max(MAX_LIST) int limit,
            Caller caller) {
        CallerAccess.requireOwnOrStaff(caller, userId);
        return recommendations.forUser(userId, limit);
    }

    @GetMapping("/products/{productId}/similar")
    SimilarProductsResponse similar(
            @PathVariable UUID productId,
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Min(MIN_WIDGET_LIST) @Max(MAX_LIST) int limit) {
        return recommendations.similar(productId, limit);
    }

    @GetMapping("/frequently-bought-together")
    ItemsRecommendationsResponse boughtTogether(
            @RequestParam(name = "product_ids") @NotEmpty @Size(max = MAX_PRODUCTS) List<@NotNull UUID> productIds,
            @RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Min(MIN_WIDGET_LIST) @Max(MAX_LIST) int limit,
            Caller caller) {
        CallerAccess.requireOwnOrStaffIfGiven(caller, userId);
        return recommendations.boughtTogether(productIds, userId, limit);
    }

    @GetMapping("/upsell")
    ItemsRecommendationsResponse upsell(
            @RequestParam(name = "product_ids") @NotEmpty @Size(max = MAX_PRODUCTS) List<@NotNull UUID> productIds,
            @RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Min(MIN_WIDGET_LIST) @Max(MAX_LIST) int limit,
            Caller caller) {
        CallerAccess.requireOwnOrStaffIfGiven(caller, userId);
        return recommendations.upsell(productIds, userId, limit);
    }

    @GetMapping("/users/{userId}/cross-sell")
    UserRecommendationsResponse crossSell(
            @PathVariable UUID userId,
            @RequestParam(name = "product_ids", required = false) @Size(max = MAX_PRODUCTS)
                    List<@NotNull UUID> productIds,
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Min(MIN_USER_LIST) @Max(MAX_LIST) int limit,
            Caller caller) {
        CallerAccess.requireOwnOrStaff(caller, userId);
        return recommendations.crossSell(userId, productIds == null ? List.of() : productIds, limit);
    }

    @GetMapping("/users/{userId}/cart-recovery")
    CartRecoveryResponse cartRecovery(
            @PathVariable UUID userId,
            @RequestParam(defaultValue = DEFAULT_LIMIT) @Min(MIN_USER_LIST) @Max(MAX_LIST) int limit,
            Caller caller) {
        CallerAccess.requireOwnOrStaff(caller, userId);
        return recommendations.cartRecovery(userId, limit);
    }

    @PostMapping("/batch")
    BatchRecommendationsResponse batch(@Valid @RequestBody BatchRecommendationsRequest request, Caller caller) {
        CallerAccess.requireMerchandiser(caller);
        return recommendations.batch(request.userIds(), request.limit(), done -> {});
    }
}
