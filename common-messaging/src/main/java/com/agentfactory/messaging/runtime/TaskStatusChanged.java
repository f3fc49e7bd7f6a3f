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
 * {@code dispatchId} is the message id of the task message (the dispatch) the report is about: a task requeued or sent
 * again is a new dispatch, and the supervisor tells a late report of an earlier one by it. It is null in a report of a
 * task message that could not be read, and in the reports of runtimes older than the field.
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
        @JsonProperty("errors") List<FieldErrorDetail> errors,
        @JsonProperty("dispatch_id") UUID dispatchId) {

    public static final String ACTION_PREFIX = "task.";

    /** A report that names no dispatch, as runtimes older than {@code dispatch_id} send it. */
    public TaskStatusChanged(
            UUID taskId,
            String taskType,
            ReportedTaskStatus status,
            String agentId,
            String agentType,
            String instanceId,
            Integer progress,
            JsonNode output,
            String error,
            int attempt,
            Instant occurredAt,
            FailureKind failure,
            List<FieldErrorDetail> errors) {
        this(
                taskId,
                taskType,
                status,
                agentId,
                agentType,
                instanceId,
                progress,
                output,
                error,
                attempt,
                occurredAt,
                failure,
                errors,
                null);
    }

    public static boolean isStatusAction(String action) {
        return action != null && action.startsWith(ACTION_PREFIX);
    }
}
