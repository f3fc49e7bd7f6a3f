package com.agentfactory.recommendation.surface;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The complements of a user's purchase: the given products, or without them everything the user bought.
 * {@code limit} defaults to 10.
 */
record CrossSellRequest(
        @NotNull UUID userId,
        @Size(max = ListLimits.MAX_PRODUCTS) List<@NotNull UUID> productIds,

        @Min(ListLimits.MIN_USER_LIST) @Max(ListLimits.MAX_LIST)
        Integer limit) {

    CrossSellRequest {
        productIds = productIds == null ? List.of() : productIds;
        limit = ListLimits.orDefault(limit);
    }
}
