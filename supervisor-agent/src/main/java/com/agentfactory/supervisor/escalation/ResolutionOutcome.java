package com.agentfactory.supervisor.escalation;

/** What the person decided: the task is done, dropped, or sent back to its agent. */
public enum ResolutionOutcome {
    COMPLETED,
    CANCELLED,
    REQUEUED
}
