package com.agentfactory.supervisor.task;

import java.time.Instant;
import java.util.UUID;

/**
 * An escalated task was cancelled. Published synchronously inside the cancelling transaction, so whoever keeps
 * the escalation queue closes the task's escalation in the same commit: nobody is left to resolve it.
 */
public record EscalatedTaskCancelled(UUID taskId, String actor, String reason, Instant cancelledAt) {}
