package com.agentfactory.supervisor.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tasks handed to people. Published synchronously inside the transaction that escalated them, so whoever
 * keeps the escalation queue writes it in the same commit as the tasks' state.
 */
public record TasksEscalated(List<Escalated> tasks) {

    public TasksEscalated {
        tasks = List.copyOf(tasks);
    }

    /** One task and why it needs a person. */
    public record Escalated(UUID taskId, String reason, Instant escalatedAt) {}
}
