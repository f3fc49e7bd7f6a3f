package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.text.StorableJson;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/agents/{id}/invoke: a task for this agent; the task type defaults to the agent's own. */
record InvokeAgentRequest(
        @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case words joined by dashes")
        String taskType,

        @Min(1) @Max(10) Integer priority,
        @NotNull @StorableJson JsonNode inputData,
        @Future Instant expiresAt) {}
