package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.outbox.OutboxWriter.OutboxMessage;
import java.util.List;

/** Everything one accepted task writes, committed together: the row, its transitions, and either its dispatch or its escalation. */
record NewTask(
        Task task, List<TaskTransition> transitions, OutboxMessage dispatch, TasksEscalated.Escalated escalation) {}
