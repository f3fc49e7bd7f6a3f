package com.agentfactory.campaign.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * A journey as written by its author, in JSON or YAML: what starts it and the steps a customer goes through, and
 * optionally the campaign it belongs to (its sends and revenue then count towards that campaign's KPIs).
 */
record JourneyDefinition(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("campaign_id") UUID campaignId,
        @JsonProperty("trigger") JourneyTrigger trigger,
        @JsonProperty("steps") List<JourneyStep> steps) {}
