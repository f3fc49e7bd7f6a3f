package com.agentfactory.supervisor.escalation;

/** What the person decided: the task is done, dropped, or sent back to its agent. */
enum ResolutionOutcome {
    COMPLETED,
    CANCELLED,
    REQUEUED
}
