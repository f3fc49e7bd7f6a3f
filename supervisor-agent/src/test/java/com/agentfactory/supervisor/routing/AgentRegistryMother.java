package com.agentfactory.supervisor.routing;

import com.agentfactory.supervisor.registry.AgentRegistryProperties;
import com.agentfactory.supervisor.registry.AgentRegistryProperties.AgentDefinition;
import com.agentfactory.supervisor.registry.AgentRegistryProperties.Persona;
import java.time.Duration;
import java.util.List;

/** A small registry: support, inventory and a campaign agent that is switched off. */
final class AgentRegistryMother {

    private AgentRegistryMother() {}

    static AgentRegistryProperties properties() {
        return new AgentRegistryProperties(
                List.of(
                        agent(
                                "support",
                                "answer-customer-message",
                                true,
                                List.of("answer-customer-message", "handle-complaint"),
                                List.of("refund", "order", "delivery", "return")),
                        agent(
                                "inventory",
                                "forecast-demand",
                                true,
                                List.of("forecast-demand", "create-purchase-order"),
                                List.of("stock", "reorder", "forecast", "warehouse")),
                        agent(
                                "campaign",
                                "plan-campaign",
                                false,
                                List.of("plan-campaign"),
                                List.of("campaign", "newsletter"))),
                Duration.ofSeconds(35),
                List.of("health-check"));
    }

    private static AgentDefinition agent(
            String type, String defaultTaskType, boolean active, List<String> capabilities, List<String> keywords) {
        return new AgentDefinition(
                type + "-agent",
                type,
                "Test",
                null,
                active,
                defaultTaskType,
                List.of(new Persona(type + "_persona", null, keywords)),
                capabilities,
                List.of(),
                List.of(),
                null);
    }
}
