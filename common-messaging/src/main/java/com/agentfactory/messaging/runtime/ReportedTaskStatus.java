package com.agentfactory.messaging.runtime;

import java.util.Locale;

/** The task states an agent reports on agent.events; the supervisor owns the rest of the lifecycle. */
public enum ReportedTaskStatus {
    ASSIGNED,
    RUNNING,
    COMPLETED,
    FAILED,
    EXPIRED;

    public String action() {
        return TaskStatusChanged.ACTION_PREFIX + name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == EXPIRED;
    }
}
