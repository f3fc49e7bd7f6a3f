package com.agentfactory.supervisor.escalation;

import com.agentfactory.supervisor.task.EscalatedTaskCancelled;
import com.agentfactory.supervisor.task.TasksEscalated;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the escalations of tasks handed to people, and closes them when such a task is cancelled. Runs
 * synchronously in the publisher's transaction (a plain event listener, not a transactional or asynchronous
 * one), so the queue commits with the tasks' state.
 */
@Component
class TaskEscalationListener {

    private final EscalationRepository escalations;

    TaskEscalationListener(EscalationRepository escalations) {
        this.escalations = escalations;
    }

    @EventListener
    void on(TasksEscalated escalated) {
        List<Escalation> opened = escalated.tasks().stream()
                .map(task -> Escalation.open(task.taskId(), task.reason(), task.escalatedAt()))
                .toList();
        escalations.insertAll(opened);
    }

    @EventListener
    void on(EscalatedTaskCancelled cancelled) {
        escalations.closeOpenOf(cancelled.taskId(), cancelled.actor(), cancelled.reason(), cancelled.cancelledAt());
    }
}
