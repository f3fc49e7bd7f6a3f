package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A task with its outcome: output, or the error with the failure kind and the input fields at fault. */
record TaskResponse(
        UUID taskId,
        String taskType,
        TaskStatus status,
        int priority,
        int progress,
        UUID assignedAgent,
        String assignedAgentType,
        JsonNode inputData,
        JsonNode outputData,
        String errorMessage,
        FailureKind failure,
        List<FieldErrorDetail> errors,
        int attempts,
        RoutingResponse routing,
        UUID correlationId,
        String traceId,
        Instant expiresAt,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        List<TransitionResponse> transitions) {

    static TaskResponse of(Task task, List<TaskTransition> transitions) {
        return new TaskResponse(
                task.id(),
                task.taskType(),
                task.status(),
                task.priority(),
                task.progress(),
                task.assignedAgentId(),
                task.assignedAgentType(),
                task.inputData(),
                task.outputData(),
                task.errorMessage(),
                task.failure(),
                task.errors(),
                task.attempts(),
                RoutingResponse.of(task),
                task.correlationId(),
                task.traceId(),
                task.expiresAt(),
                task.createdAt(),
                task.startedAt(),
                task.completedAt(),
                transitions.stream().map(TransitionResponse::of).toList());
    }

    record TransitionResponse(TaskStatus from, TaskStatus to, String actor, String reason, Instant at) {
        static TransitionResponse of(TaskTransition transition) {
            return new TransitionResponse(
                    transition.fromStatus(),
                    transition.toStatus(),
                    transition.actor(),
                    transition.reason(),
                    transition.occurredAt());
        }
    }
}
