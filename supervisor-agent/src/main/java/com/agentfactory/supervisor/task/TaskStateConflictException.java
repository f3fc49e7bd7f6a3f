package com.agentfactory.supervisor.task;

/** The requested change does not fit the task's current state (for example cancelling a completed task). */
public class TaskStateConflictException extends RuntimeException {

    public TaskStateConflictException(String message) {
        super(message);
    }
}
