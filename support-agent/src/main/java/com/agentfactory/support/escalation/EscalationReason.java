package com.agentfactory.support.escalation;

/** Why a conversation was handed to a person; the first six are the specification's rules. */
public enum EscalationReason {
    LOW_CONFIDENCE,
    CUSTOMER_FRUSTRATION,
    COMPLEX_ISSUE,
    VIP_CUSTOMER,
    MAX_RETRIES,
    COMPLIANCE_REQUIRED,
    CUSTOMER_ASKED_FOR_PERSON,
    UNSUPPORTED_LANGUAGE,
    PROCESSING_FAILED
}
