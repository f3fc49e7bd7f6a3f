package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.error.RuleViolationException;

/**
 * A task of a request names a customer erased here, so none of the request's tasks is stored. Blanked as the erasure
 * blanks a task, its input would hold nothing an agent or a person could act on, and dispatched in full it would hand
 * the agents what their own erasures removed. Thrown by the writer, which does not know whether the request was one
 * task or a batch: {@link #violation} names the field as for one task.
 */
final class ErasedCustomerTaskRefused extends RuntimeException {

    private final int taskIndex;
    private final String field;

    ErasedCustomerTaskRefused(int taskIndex, String field) {
        super("A task names an erased customer", null, false, false);
        this.taskIndex = taskIndex;
        this.field = field;
    }

    /** The task's place in its request. */
    int taskIndex() {
        return taskIndex;
    }

    RuleViolationException violation() {
        return RuleViolationException.of(
                field, "names a customer who was erased; no task about them is taken any more");
    }
}
