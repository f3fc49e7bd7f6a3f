package com.agentfactory.supervisor.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * The task lifecycle: CREATED → QUEUED → ASSIGNED → RUNNING → COMPLETED | FAILED (final when the agent's
 * answer is about the request itself, else → ESCALATED) | EXPIRED | CANCELLED.
 */
public enum TaskStatus {
    CREATED,
    QUEUED,
    ASSIGNED,
    RUNNING,
    COMPLETED,
    FAILED,
    ESCALATED,
    EXPIRED,
    CANCELLED;

    private static final Set<TaskStatus> FINISHED = EnumSet.of(COMPLETED, FAILED, EXPIRED, CANCELLED);

    /** No further state change comes from agents; people may still act on an escalated task. */
    public boolean isFinished() {
        return FINISHED.contains(this);
    }

    /** Whether an agent's report may move a task from this state to {@code next}. */
    public boolean acceptsReport(TaskStatus next) {
        return switch (this) {
            case QUEUED -> next == ASSIGNED || next == RUNNING || next.isAgentTerminal();
            case ASSIGNED -> next == RUNNING || next.isAgentTerminal();
            case RUNNING -> next == RUNNING || next.isAgentTerminal();
            default -> false;
        };
    }

    private boolean isAgentTerminal() {
        return this == COMPLETED || this == FAILED || this == EXPIRED;
    }

    public boolean isCancellable() {
        return this == CREATED || this == QUEUED || this == ASSIGNED || this == RUNNING || this == ESCALATED;
    }
}
