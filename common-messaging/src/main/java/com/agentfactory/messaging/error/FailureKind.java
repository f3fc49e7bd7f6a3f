package com.agentfactory.messaging.error;

/**
 * Why a task failed. The first kinds are final answers about the request itself (retrying cannot help and
 * no person needs to look); the last two are the runtime's own, and ask for a person.
 */
public enum FailureKind {
    INVALID_INPUT,
    RULE_VIOLATION,
    NOT_FOUND,
    CONFLICT,
    NOT_PERMITTED,
    /** No handler for the task type on the agent that received it. */
    UNSUPPORTED_TASK_TYPE,
    /** The handler kept failing (an outage, a bug) until the retries ran out. */
    RETRIES_EXHAUSTED;

    /** Whether the failure says something about the request, so a person could not do better by retrying. */
    public boolean isFinalAnswer() {
        return this != UNSUPPORTED_TASK_TYPE && this != RETRIES_EXHAUSTED;
    }
}
