package com.agentfactory.supervisor.task;

import static com.agentfactory.messaging.time.YearRange.OPERATIONS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.OPERATIONS_LAST_YEAR;

import com.agentfactory.messaging.text.StorableJson;
import com.agentfactory.messaging.time.WithinYears;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/agents/{id}/invoke: a task for this agent; the task type defaults to the agent's own. */
@Schema(
        example =
                "{\"priority\": 5, \"input_data\": {\"message\": \"Where is my order 536397?\"}, \"expires_at\": \"2099-12-31T23:59:00Z\"}")
record InvokeAgentRequest(
        @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case words joined by dashes")
        String taskType,

        @Min(1) @Max(10) Integer priority,
        @NotNull @StorableJson JsonNode inputData,

        @Future @WithinYears(from = OPERATIONS_FIRST_YEAR, to = OPERATIONS_LAST_YEAR)
        Instant expiresAt) {}
