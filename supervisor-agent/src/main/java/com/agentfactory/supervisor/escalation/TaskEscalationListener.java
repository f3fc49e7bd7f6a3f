package com.agentfactory.supervisor.escalation;

import com.agentfactory.supervisor.task.EscalatedTaskCancelled;
import com.agentfactory.supervisor.task.EscalatedTasksAnswered;
import com.agentfactory.supervisor.task.TaskReasonsErased;
import com.agentfactory.supervisor.task.TasksErased;
import com.agentfactory.supervisor.task.TasksEscalated;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the escalations of tasks handed to people, closes them when such a task is cancelled or its agent's result
 * comes after all (COMPLETED when it completed the task, else CANCELLED: nothing is left for the person), and replaces the
 * reason they were opened for when an erasure replaced it in the task's history, and the notes people resolved them
 * with and the erased customer's id as who claimed or resolved them (cancelling the task) when the task was erased.
 * Runs synchronously in the publisher's transaction (a plain event listener, not a transactional or asynchronous
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

    @EventListener
    void on(EscalatedTasksAnswered answered) {
        answered.tasks()
                .forEach(task -> escalations.closeOpenOf(
                        task.taskId(),
                        task.actor(),
                        task.reason(),
                        task.answeredAt(),
                        task.completed() ? ResolutionOutcome.COMPLETED : ResolutionOutcome.CANCELLED));
    }

    @EventListener
    void on(TaskReasonsErased erased) {
        escalations.replaceReasons(erased.reasons());
    }

    @EventListener
    void on(TasksErased erased) {
        escalations.eraseNotesOf(erased.taskIds(), TasksErased.ERASED_TEXT);
        // after the notes: their erasure tells the supervisor's words from a note by comparing them with resolved_by
        escalations.eraseCustomerAsPersonOf(erased.taskIds(), erased.customerId(), TasksErased.ERASED_CUSTOMER);
    }
}
