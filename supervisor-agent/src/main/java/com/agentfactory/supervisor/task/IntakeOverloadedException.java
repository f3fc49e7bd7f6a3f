package com.agentfactory.supervisor.task;

/** More tasks are waiting to be written than the intake queue holds: the caller should retry later. */
public class IntakeOverloadedException extends RuntimeException {

    public IntakeOverloadedException() {
        super("The supervisor is at capacity; retry shortly.");
    }
}
