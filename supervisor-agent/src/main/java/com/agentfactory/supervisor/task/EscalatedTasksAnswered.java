package com.agentfactory.supervisor.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The agent's result came for tasks the supervisor had escalated while the agent still held them. Published
 * synchronously inside the transaction that applied it, before any new escalation of the same tasks, so whoever keeps
 * the escalation queue closes the open ones in the same commit: the agent answered, so nobody needs to.
 */
public record EscalatedTasksAnswered(List<Answered> tasks) {

    public EscalatedTasksAnswered {
        tasks = List.copyOf(tasks);
    }

    /** One task, the agent that answered, whether its answer completed the task, and the reason recorded. */
    public record Answered(UUID taskId, String actor, boolean completed, String reason, Instant answeredAt) {}
}
