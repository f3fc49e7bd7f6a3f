package com.agentfactory.supervisor.task;

import java.time.Instant;
import java.util.UUID;

/** One stored step of a task's lifecycle: who moved it, from where, to where, and why. */
record TaskTransition(
        UUID taskId, TaskStatus fromStatus, TaskStatus toStatus, String actor, String reason, Instant occurredAt) {}
