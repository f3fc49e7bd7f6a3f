package com.agentfactory.messaging.error;

/**
 * Why a task failed. The first kinds are final answers about the request itself (retrying cannot help and
 * no person needs to look); UNSUPPORTED_TASK_TYPE and RETRIES_EXHAUSTED are the runtime's own, and ask for a person.
 */
public enum FailureKind {
    INVALID_INPUT,
    RULE_VIOLATION,
    NOT_FOUND,
    CONFLICT,
    NOT_PERMITTED,
    /** No handler for the task type on the agent that received it. */
    UNSUPPORTED_TASK_TYPE,
    /**
     * The handler kept failing (an outage, a bug) until the retries ran out, or the agent could not read the task's
     * message at all (a sender's newer envelope version during a rolling deploy), which no retry would change.
     */
    RETRIES_EXHAUSTED,
    /**
     * The handler's answer was larger than one message can carry, so its changes were rolled back: the request asked
     * for more than a task can answer, and sending it again would give the same answer.
     */
    OUTPUT_TOO_LARGE;

    /** Whether the failure says something about the request, so a person could not do better by retrying. */
    public boolean isFinalAnswer() {
        return this != UNSUPPORTED_TASK_TYPE && this != RETRIES_EXHAUSTED;
    }
}
