package com.agentfactory.campaign.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One arm of an A/B split: customers are assigned in proportion to the weights, the same way every time. A holdout
 * arm leads straight to an end, so its customers get nothing from the journey and show what they do untouched.
 */
record SplitBranch(
        @JsonProperty("name") String name,
        @JsonProperty("weight") int weight,
        @JsonProperty("next") String next,

        @JsonProperty("holdout") @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean holdout) {

    boolean isHoldout() {
        return Boolean.TRUE.equals(holdout);
    }
}
