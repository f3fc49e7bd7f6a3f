package com.agentfactory.messaging.privacy;

/** What a customer asked to be done with their personal data. */
public enum PrivacyAction {
    /** A copy of everything a service holds about the customer. */
    EXPORT,
    /** Delete or pseudonymise everything a service holds about the customer. */
    ERASURE
}
