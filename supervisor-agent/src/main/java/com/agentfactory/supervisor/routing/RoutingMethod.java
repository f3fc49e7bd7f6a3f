package com.agentfactory.supervisor.routing;

public enum RoutingMethod {
    /** The caller named the agent. */
    EXPLICIT_AGENT,
    /** The task type is in the routing table. */
    ROUTING_TABLE,
    /** Classified from the input's content with enough confidence. */
    CLASSIFIED,
    /** Could not be routed with confidence: handed to a person. */
    ESCALATED
}
