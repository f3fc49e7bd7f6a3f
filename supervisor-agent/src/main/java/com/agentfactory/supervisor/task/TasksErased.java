package com.agentfactory.supervisor.task;

import java.util.List;
import java.util.UUID;

/**
 * An erasure blanked these tasks of a customer. Published synchronously inside the erasure's transaction, so whoever
 * keeps what people wrote about them (the escalation queue keeps the notes they resolved them with) replaces it in
 * the same commit.
 */
public record TasksErased(List<UUID> taskIds) {

    /** What an erasure leaves of the words of agents and people where the text around them stays. */
    public static final String ERASED_TEXT = "[erased]";

    public TasksErased {
        taskIds = List.copyOf(taskIds);
    }
}
