package com.agentfactory.supervisor.escalation;

enum EscalationStatus {
    OPEN,
    CLAIMED,
    RESOLVED
}
