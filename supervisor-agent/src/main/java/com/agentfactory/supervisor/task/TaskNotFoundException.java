package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class TaskNotFoundException extends NotFoundException {

    TaskNotFoundException(UUID taskId) {
        super("No task with id " + taskId);
    }
}
