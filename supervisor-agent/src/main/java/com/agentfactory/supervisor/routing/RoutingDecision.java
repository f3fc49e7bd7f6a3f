package com.agentfactory.supervisor.routing;

import com.agentfactory.supervisor.registry.RegisteredAgent;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Where a task goes, as what task type, how the supervisor decided, how sure it is and why. */
public record RoutingDecision(
        RoutingMethod method, RegisteredAgent agent, String taskType, BigDecimal confidence, String reason) {

    static RoutingDecision of(
            RoutingMethod method, RegisteredAgent agent, String taskType, double confidence, String reason) {
        return new RoutingDecision(
                method, agent, taskType, BigDecimal.valueOf(confidence).setScale(3, RoundingMode.HALF_UP), reason);
    }

    public boolean isEscalated() {
        return method == RoutingMethod.ESCALATED;
    }
}
