package com.agentfactory.campaign.journey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A journey as written by its author, in JSON or YAML: what starts it and the steps a customer goes through. */
record JourneyDefinition(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("trigger") JourneyTrigger trigger,
        @JsonProperty("steps") List<JourneyStep> steps) {}
