package com.agentfactory.recommendation.surface;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Serving settings: the blend of the sources, the share of distinct categories a list must reach where
 * the catalog allows, how much a product's margin lifts its score, which categories may be recommended
 * again after a purchase, how many candidates are re-ranked, how long a list stays cached, and how old the set of
 * sold-out products a cached list is served without may be.
 *
 * @param soldOutMaxAge the staleness bound of serving a cached list: a product sold out (or restocked) through another
 *     instance of the agent is left out of (or back in) the cached lists of this one at most this long after the
 *     change is stored; changes this instance applies count at once. Each instance reads the sold-out products once
 *     per this interval while it serves cached lists.
 */
@Validated
@ConfigurationProperties("agentfactory.recommendation.serving")
record RecommendationProperties(
        @NotNull @Valid Weights weights,
        @DecimalMin("0.0") @DecimalMax("1.0") double minCategoryShare,
        @DecimalMin("0.0") @DecimalMax("5.0") double marginBoost,
        List<String> consumableCategories,
        @Min(1) @Max(10) int coldStartInteractions,
        @Min(50) @Max(2000) int candidatePool,
        @NotNull Duration cacheTtl,
        @NotNull @DefaultValue("PT5S") Duration soldOutMaxAge) {

    /**
     * Ensemble weight per source, used until a model version has learned its own (and, for category
     * popularity, which the learning does not see, always). The collaborative sources (item-CF, user-CF, implicit MF by ALS, EASE, session) share
     * the CF weight; popularity is over decayed signals, so it is also the trending source; category
     * popularity is the cold-start source of users with little history and of products nobody has bought.
     */
    record Weights(
            @DecimalMin("0.0") @DecimalMax("1.0") double itemCf,
            @DecimalMin("0.0") @DecimalMax("1.0") double userCf,
            @DecimalMin("0.0") @DecimalMax("1.0") double implicitMf,
            @DecimalMin("0.0") @DecimalMax("1.0") double ease,
            @DecimalMin("0.0") @DecimalMax("1.0") double session,
            @DecimalMin("0.0") @DecimalMax("1.0") double content,
            @DecimalMin("0.0") @DecimalMax("1.0") double categoryPopularity,
            @DecimalMin("0.0") @DecimalMax("1.0") double popularity,

            @DefaultValue("0.1") @DecimalMin("0.0") @DecimalMax("1.0")
            double trending) {}

    // categories are compared case-insensitively: the storefront's spelling of a category is not stable
    RecommendationProperties {
        consumableCategories = consumableCategories == null
                ? List.of()
                : consumableCategories.stream()
                        .map(category -> category.toLowerCase(Locale.ROOT))
                        .toList();
    }

    @AssertTrue(
            message = "sold-out-max-age must be positive and at most 5 minutes: a product sold out longer ago would"
                    + " still be recommended from cached lists")
    boolean isSoldOutMaxAgeBounded() {
        return soldOutMaxAge == null
                || (soldOutMaxAge.isPositive() && soldOutMaxAge.compareTo(Duration.ofMinutes(5)) <= 0);
    }

    /** Whether a product of this category may be recommended again to someone who bought it. */
    boolean isConsumable(String category) {
        return category != null && consumableCategories.contains(category.toLowerCase(Locale.ROOT));
    }
}
