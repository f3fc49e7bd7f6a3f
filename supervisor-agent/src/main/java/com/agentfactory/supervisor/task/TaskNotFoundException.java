package com.agentfactory.supervisor.task;

import java.util.UUID;

public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(UUID taskId) {
        super("No task with id " + taskId);
    }
}
