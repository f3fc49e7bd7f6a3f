package com.agentfactory.supervisor.escalation;

public enum EscalationStatus {
    OPEN,
    CLAIMED,
    RESOLVED
}
