package com.agentfactory.messaging.capability;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/** One task type an agent handles: JSON Schemas (draft 2020-12) of its input and output, and a valid input. */
public record TaskTypeDescriptor(
        @JsonProperty("task_type") String taskType,
        @JsonProperty("description") String description,
        @JsonProperty("input_schema") JsonNode inputSchema,
        @JsonProperty("output_schema") JsonNode outputSchema,
        @JsonProperty("example_input") JsonNode exampleInput) {}
