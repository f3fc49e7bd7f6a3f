package com.agentfactory.supervisor.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * The task lifecycle: CREATED → QUEUED → ASSIGNED → RUNNING → COMPLETED | FAILED (final when the agent's
 * answer is about the request itself, else → ESCALATED) | EXPIRED | CANCELLED. An EXPIRED task the agent had
 * started in time still takes the agent's COMPLETED or FAILED report (see {@link #acceptsReport}), and so does a task
 * the supervisor escalated while the agent held it (see {@link #acceptsResultAfterSupervisorGaveUp}).
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

    /**
     * Whether an agent's report may move a task from this state to {@code next}. An EXPIRED task takes the agent's
     * result: agents check expires_at when they pick a task up and never start one past it, so a COMPLETED or FAILED
     * report means the agent started it in time and the supervisor's expiry job, which cannot see a start whose
     * RUNNING signal is still in flight, was wrong. (An agent's own EXPIRED and its result cannot both exist: it
     * claims each dispatch once.)
     */
    public boolean acceptsReport(TaskStatus next) {
        return switch (this) {
            case QUEUED -> next == ASSIGNED || next == RUNNING || next.isAgentTerminal();
            case ASSIGNED -> next == RUNNING || next.isAgentTerminal();
            case RUNNING -> next == RUNNING || next.isAgentTerminal();
            case EXPIRED -> next == COMPLETED || next == FAILED;
            default -> false;
        };
    }

    /**
     * Whether an agent's report may move a task the supervisor escalated while the agent held it (nothing heard of it
     * for too long, or a report that said no status) from ESCALATED to {@code next}: as for an EXPIRED task, the
     * agent's result. The supervisor gave up on the task for want of news, not because the agent could not do it, so
     * when the result comes after all it is the task's outcome and the person need not act.
     */
    public static boolean acceptsResultAfterSupervisorGaveUp(TaskStatus next) {
        return EXPIRED.acceptsReport(next);
    }

    private boolean isAgentTerminal() {
        return this == COMPLETED || this == FAILED || this == EXPIRED;
    }

    /**
     * Whether the task can still be cancelled: only while no agent holds it. Once QUEUED its dispatch is on its way
     * (or on the agent's topic) and agents are never told to drop a task, so a CANCELLED task there would still run
     * and have its effects; an ESCALATED task is back with people.
     */
    public boolean isCancellable() {
        return this == CREATED || this == ESCALATED;
    }

    /** Whether an agent has (or is about to get) the task, so it will run to an end the supervisor cannot stop. */
    public boolean isWithAgent() {
        return this == QUEUED || this == ASSIGNED || this == RUNNING;
    }
}
