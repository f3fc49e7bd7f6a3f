package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.error.ConflictException;

/** The requested change does not fit the task's current state (for example cancelling a completed task). */
class TaskStateConflictException extends ConflictException {

    TaskStateConflictException(String message) {
        super(message);
    }
}
