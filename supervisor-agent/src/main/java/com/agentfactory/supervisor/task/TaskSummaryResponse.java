package com.agentfactory.supervisor.task;

import java.time.Instant;
import java.util.UUID;

record TaskSummaryResponse(
        UUID taskId,
        String taskType,
        TaskStatus status,
        int priority,
        int progress,
        String assignedAgentType,
        Instant createdAt,
        Instant completedAt) {

    static TaskSummaryResponse of(Task task) {
        return new TaskSummaryResponse(
                task.id(),
                task.taskType(),
                task.status(),
                task.priority(),
                task.progress(),
                task.assignedAgentType(),
                task.createdAt(),
                task.completedAt());
    }
}
