package com.agentfactory.campaign.campaign;

import com.agentfactory.messaging.runtime.TaskContext;

/** Who a change made by a task is audited as: the task, which the supervisor's record ties to whoever asked for it. */
final class TaskActors {

    private TaskActors() {}

    static String of(TaskContext context) {
        return "task:" + context.taskId();
    }
}
