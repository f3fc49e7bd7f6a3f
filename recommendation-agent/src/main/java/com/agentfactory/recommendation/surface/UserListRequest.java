package com.agentfactory.recommendation.surface;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A list of one user: "for you" or the recovery of the user's abandoned cart; {@code limit} defaults to 10. */
record UserListRequest(
        @NotNull UUID userId,

        @Min(ListLimits.MIN_USER_LIST) @Max(ListLimits.MAX_LIST)
        Integer limit) {

    UserListRequest {
        limit = ListLimits.orDefault(limit);
    }
}
