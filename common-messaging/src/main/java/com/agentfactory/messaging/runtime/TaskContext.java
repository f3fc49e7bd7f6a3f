package com.agentfactory.messaging.runtime;

import java.time.Instant;
import java.util.UUID;

/**
 * What a handler may know about the task it runs besides its input. {@code attempt} starts at 1 and counts
 * in-process retries; {@code expiresAt} is null for a task without a deadline. {@code requestedBy} is who asked the
 * supervisor for the task, from their verified token (a user id, or {@code agent:} and the client id), unlike any
 * name the input carries; null when the envelope does not say.
 */
public record TaskContext(
        UUID taskId,
        String taskType,
        int priority,
        int attempt,
        UUID correlationId,
        Instant expiresAt,
        String requestedBy,
        TaskProgress progress) {

    /** Tells the supervisor how far the task has come (0-100), for long-running handlers. */
    public void reportProgress(int percent) {
        progress.report(percent);
    }
}
