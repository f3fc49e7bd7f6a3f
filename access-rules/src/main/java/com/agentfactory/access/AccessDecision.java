package com.agentfactory.access;

/** The table's answer for one request. */
public enum AccessDecision {
    GRANTED,
    DENIED,
    /** No rule covers the path: the gateway lets its router answer 404; a service refuses. */
    NOT_COVERED
}
