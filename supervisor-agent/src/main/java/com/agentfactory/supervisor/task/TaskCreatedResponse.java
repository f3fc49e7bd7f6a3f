package com.agentfactory.supervisor.task;

import java.time.Instant;
import java.util.UUID;

record TaskCreatedResponse(
        UUID taskId,
        String taskType,
        TaskStatus status,
        UUID assignedAgent,
        String assignedAgentType,
        RoutingResponse routing,
        Instant createdAt) {

    static TaskCreatedResponse of(Task task) {
        return new TaskCreatedResponse(
                task.id(),
                task.taskType(),
                task.status(),
                task.assignedAgentId(),
                task.assignedAgentType(),
                RoutingResponse.of(task),
                task.createdAt());
    }
}
