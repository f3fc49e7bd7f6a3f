package com.agentfactory.supervisor.task;

/** The task could not be committed (database unavailable, timeout): it was not accepted and may be retried. */
public class TaskNotStoredException extends RuntimeException {

    public TaskNotStoredException(Throwable cause) {
        super("The task could not be stored; it was not accepted. Retry shortly.", cause);
    }
}
