package com.agentfactory.supervisor.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record TaskSummaryResponse(
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

    public record Page(List<TaskSummaryResponse> tasks, Pagination pagination) {}

    public record Pagination(long total, int page, int limit, long totalPages) {
        public static Pagination of(long total, int page, int limit) {
            return new Pagination(total, page, limit, (total + limit - 1) / limit);
        }
    }
}
