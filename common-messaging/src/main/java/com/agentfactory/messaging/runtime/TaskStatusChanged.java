package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An agent's report on a task, published on agent.events keyed by task id. A FAILED report says why in
 * {@code failure} and lists the input fields at fault in {@code errors} (empty when no field is to blame).
 */
public record TaskStatusChanged(
        @JsonProperty("task_id") UUID taskId,
        @JsonProperty("task_type") String taskType,
        @JsonProperty("status") ReportedTaskStatus status,
        @JsonProperty("agent_id") String agentId,
        @JsonProperty("agent_type") String agentType,
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("progress") Integer progress,
        @JsonProperty("output") JsonNode output,
        @JsonProperty("error") String error,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("failure") FailureKind failure,
        @JsonProperty("errors") List<FieldErrorDetail> errors) {

    public static final String ACTION_PREFIX = "task.";

    public static boolean isStatusAction(String action) {
        return action != null && action.startsWith(ACTION_PREFIX);
    }
}
