package com.agentfactory.recommendation.surface;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The products like one product; {@code limit} defaults to 10. */
record SimilarProductsRequest(
        @NotNull UUID productId,

        @Min(ListLimits.MIN_WIDGET_LIST) @Max(ListLimits.MAX_LIST)
        Integer limit) {

    SimilarProductsRequest {
        limit = ListLimits.orDefault(limit);
    }
}
