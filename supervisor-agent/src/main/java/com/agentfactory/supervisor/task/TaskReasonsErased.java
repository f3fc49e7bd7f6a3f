package com.agentfactory.supervisor.task;

import java.util.List;
import java.util.UUID;

/**
 * An erasure replaced the words of agents' reports in the reasons of an erased customer's task moves. Published
 * synchronously inside the erasure's transaction, so whoever keeps a copy of such a reason (the escalation queue
 * keeps the reason a task was escalated for) replaces it in the same commit.
 */
public record TaskReasonsErased(List<Replaced> reasons) {

    public TaskReasonsErased {
        reasons = List.copyOf(reasons);
    }

    /** A reason given for a move of this task, as it was and as the erasure left it. */
    public record Replaced(UUID taskId, String before, String after) {}
}
