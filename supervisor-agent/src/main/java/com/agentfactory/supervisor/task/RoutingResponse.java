package com.agentfactory.supervisor.task;

import java.math.BigDecimal;

/** How the supervisor chose the agent, and why. */
record RoutingResponse(String method, BigDecimal confidence, String reason) {

    static RoutingResponse of(Task task) {
        return new RoutingResponse(task.routingMethod(), task.routingConfidence(), task.routingReason());
    }
}
