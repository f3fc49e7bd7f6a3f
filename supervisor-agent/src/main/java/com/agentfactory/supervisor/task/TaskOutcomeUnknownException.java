package com.agentfactory.supervisor.task;

import java.util.List;
import java.util.UUID;

/**
 * The tasks were inside a transaction that had not ended when intake stopped waiting for it: they may have been
 * stored or not, and may still be. Task creation takes no idempotency key, so a retry could create them a second
 * time; the ids they have if stored let the caller look them up instead.
 */
public class TaskOutcomeUnknownException extends RuntimeException {

    private final List<UUID> taskIds;

    public TaskOutcomeUnknownException(List<UUID> taskIds, Throwable cause) {
        super(
                "The task was being stored when the database stopped answering in time: it may or may not exist,"
                        + " and may still appear while the write finishes. Task creation has no idempotency key, so"
                        + " submitting it again could create it twice: look it up first at"
                        + " GET /api/v1/agents/tasks/{task_id} with the ids in task_ids, and submit it again only"
                        + " if it is still not found a while later.",
                cause);
        this.taskIds = List.copyOf(taskIds);
    }

    /** The ids the tasks of the request have if they were stored, in request order. */
    public List<UUID> taskIds() {
        return taskIds;
    }
}
