package com.agentfactory.campaign.journey;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One arm of an A/B split: customers are assigned in proportion to the weights, the same way every time. */
record SplitBranch(
        @JsonProperty("name") String name,
        @JsonProperty("weight") int weight,
        @JsonProperty("next") String next) {}
