package com.agentfactory.ad.campaign;

import com.agentfactory.messaging.runtime.TaskContext;

/** Who a change made by a task is audited as: the task, which the supervisor's record ties to whoever asked. */
public final class TaskActors {

    private TaskActors() {}

    public static String of(TaskContext context) {
        return "task:" + context.taskId();
    }
}
