package com.agentfactory.recommendation.recommendation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** The users of a campaign; the service caps how many one request may name. */
record BatchRecommendationsRequest(
        @NotEmpty List<@NotNull UUID> userIds,
        @Min(10) @Max(50) Integer limit) {}
