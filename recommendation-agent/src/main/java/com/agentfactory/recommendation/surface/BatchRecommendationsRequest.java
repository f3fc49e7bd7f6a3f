package com.agentfactory.recommendation.surface;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The users of a campaign, whose "for you" lists are wanted at once; {@code limit} defaults to 10. Users times limit
 * is at most {@value ListLimits#MAX_BATCH_PRODUCTS}, what one answer carries.
 */
@FitsOneAnswer
record BatchRecommendationsRequest(
        @NotEmpty @Size(max = ListLimits.MAX_BATCH_USERS) List<@NotNull UUID> userIds,

        @Min(ListLimits.MIN_USER_LIST) @Max(ListLimits.MAX_LIST)
        Integer limit) {

    BatchRecommendationsRequest {
        limit = ListLimits.orDefault(limit);
    }
}
