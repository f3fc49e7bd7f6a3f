package com.agentfactory.supervisor.task;

import java.util.List;
import java.util.UUID;

/**
 * An erasure blanked these tasks of the customer. Published synchronously inside the erasure's transaction, so
 * whoever keeps what people wrote about them or who moved them (the escalation queue keeps the notes they resolved
 * them with, and who claimed and resolved them) replaces it in the same commit.
 */
public record TasksErased(UUID customerId, List<UUID> taskIds) {

    /** What an erasure leaves of the words of agents and people where the text around them stays. */
    public static final String ERASED_TEXT = "[erased]";

    /** What an erasure leaves where a customer's id named who asked for a task or moved it. */
    public static final String ERASED_CUSTOMER = "erased";

    public TasksErased {
        taskIds = List.copyOf(taskIds);
    }
}
