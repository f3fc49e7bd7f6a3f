package com.agentfactory.gateway.access;

enum AccessDecision {
    GRANTED,
    DENIED,
    /** No rule covers the path: nothing is served there, so the caller gets the 404 the router gives. */
    NOT_COVERED
}
