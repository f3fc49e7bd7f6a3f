package com.agentfactory.supervisor.escalation;

import static com.agentfactory.messaging.time.YearRange.OPERATIONS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.OPERATIONS_LAST_YEAR;

import com.agentfactory.messaging.time.WithinYears;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * How a person closes an escalation: COMPLETED with the answer as output, CANCELLED, or REQUEUED to the
 * task's agent (or to {@code agent_type} when the task was never routed). Requeued to another agent, the task
 * goes as {@code task_type}, or else as its own type if that agent handles it, or else as the agent's default.
 * Requeued, it keeps its deadline unless {@code expires_at} gives a new one, which it needs once the old has passed.
 */
record ResolveEscalationRequest(
        @NotNull ResolutionOutcome outcome,
        @Size(max = 4000) String note,
        JsonNode outputData,
        @Pattern(regexp = "[a-z][a-z0-9-]{0,48}") String agentType,

        @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case words joined by dashes")
        String taskType,

        @WithinYears(from = OPERATIONS_FIRST_YEAR, to = OPERATIONS_LAST_YEAR)
        Instant expiresAt) {}
