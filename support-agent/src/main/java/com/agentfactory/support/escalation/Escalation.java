package com.agentfactory.support.escalation;

/** One rule that fired, with the values that made it fire (kept for the agent and for tuning the rules). */
public record Escalation(EscalationReason reason, String detail) {}
