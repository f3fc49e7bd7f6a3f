package com.agentfactory.supervisor.routing;

import com.agentfactory.supervisor.registry.AgentRegistryProperties;
import com.agentfactory.supervisor.registry.AgentRegistryProperties.AgentDefinition;
import com.agentfactory.supervisor.registry.AgentRegistryProperties.Persona;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small registry: support, inventory (no default task type), a campaign agent that is switched off, and
 * finance whose default task type it has not announced; with the task types each announced.
 */
final class AgentRegistryMother {

    private AgentRegistryMother() {}

    static AgentRegistryProperties properties() {
        return new AgentRegistryProperties(
                List.of(
                        agent(
                                "support",
                                "answer-customer-message",
                                true,
                                List.of("refund", "order", "delivery", "return")),
                        agent("inventory", null, true, List.of("stock", "reorder", "forecast", "warehouse")),
                        agent("campaign", "fixture-campaign-plan", false, List.of("campaign", "newsletter")),
                        agent("finance", "fixture-reconcile", true, List.of("budget", "revenue"))),
                Duration.ofSeconds(35),
                List.of("health-check"),
                Duration.ofHours(24));
    }

    static Map<String, List<String>> announcedTaskTypes() {
        return Map.of(
                "support", List.of("answer-customer-message", "handle-complaint", "health-check"),
                "inventory", List.of("fixture-forecast", "fixture-purchase-order", "health-check"),
                "campaign", List.of("fixture-campaign-plan", "health-check"),
                "finance", List.of("check-budget", "health-check"));
    }

    private static AgentDefinition agent(String type, String defaultTaskType, boolean active, List<String> keywords) {
        return new AgentDefinition(
                type + "-agent",
                type,
                "Test",
                null,
                active,
                defaultTaskType,
                List.of(new Persona(type + "_persona", null, keywords)),
                List.of(),
                List.of(),
                null);
    }
}
