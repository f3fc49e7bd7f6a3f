package com.agentfactory.recommendation.surface;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A list built around a cart or a checkout; with {@code user_id} it leaves out what the user bought before.
 * {@code limit} defaults to 10.
 */
record ItemsRecommendationsRequest(
        @NotEmpty @Size(max = ListLimits.MAX_PRODUCTS) List<@NotNull UUID> productIds,
        UUID userId,

        @Min(ListLimits.MIN_WIDGET_LIST) @Max(ListLimits.MAX_LIST)
        Integer limit) {

    ItemsRecommendationsRequest {
        limit = ListLimits.orDefault(limit);
    }
}
