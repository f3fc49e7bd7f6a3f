package com.agentfactory.supervisor.commerce;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Up to 500 commerce events; all are stored or none. */
record BatchEventsRequest(
        @NotNull @NotEmpty @Size(max = 500) List<@NotNull JsonNode> events) {}
