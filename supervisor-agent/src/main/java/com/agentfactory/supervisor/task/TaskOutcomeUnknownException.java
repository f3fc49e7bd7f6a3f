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

    private static final String ADVICE = " Task creation has no idempotency key, so submitting it again could create"
            + " it twice: look it up first at GET /api/v1/agents/tasks/{task_id} with the ids in task_ids, and submit"
            + " it again only if it is still not found a while later.";

    public TaskOutcomeUnknownException(List<UUID> taskIds, Throwable cause) {
        this(
                "The task was being stored when the database stopped answering in time: it may or may not exist,"
                        + " and may still appear while the write finishes.",
                taskIds,
                cause);
    }

    private TaskOutcomeUnknownException(String situation, List<UUID> taskIds, Throwable cause) {
        super(situation + ADVICE, cause);
        this.taskIds = List.copyOf(taskIds);
    }

    /** The commit itself failed (the connection dropped while committing): the database may have committed. */
    public static TaskOutcomeUnknownException commitFailed(List<UUID> taskIds, Throwable cause) {
        return new TaskOutcomeUnknownException(
                "The connection to the database failed while the task was being committed: it may or may not exist.",
                taskIds,
                cause);
    }

    /** The ids the tasks of the request have if they were stored, in request order. */
    public List<UUID> taskIds() {
        return taskIds;
    }
}
