package com.agentfactory.supervisor.routing;

import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.supervisor.capability.TaskTypeCatalog;
import com.agentfactory.supervisor.registry.AgentRegistry;
import com.agentfactory.supervisor.registry.RegisteredAgent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Decides which agent gets a task: the agent the caller named; else the routing table (task type → the
 * agent that announced it); else, for a generic or missing type, the content classifier, escalating to a
 * person when it is not confident enough or the agent it found takes no free text. A task type no agent
 * announced is refused, naming the known ones.
 */
@Service
public class TaskRouter {

    private final AgentRegistry registry;
    private final TaskTypeCatalog catalog;
    private final KeywordClassifier classifier;
    private final RoutingProperties properties;

    TaskRouter(
            AgentRegistry registry,
            TaskTypeCatalog catalog,
            KeywordClassifier classifier,
            RoutingProperties properties) {
        this.registry = registry;
        this.catalog = catalog;
        this.classifier = classifier;
        this.properties = properties;
    }

    public RoutingDecision route(String taskType, UUID agentId, JsonNode input) {
        if (agentId != null) {
            return toNamedAgent(taskType, agentId);
        }
        if (taskType != null && !properties.genericTaskTypes().contains(taskType)) {
            return byRoutingTable(taskType);
        }
        return classify(taskType, input);
    }

    private RoutingDecision byRoutingTable(String taskType) {
        List<String> agentTypes = catalog.agentTypesFor(taskType);
        if (agentTypes.isEmpty()) {
            throw RuleViolationException.of(
                    "task_type", "unknown task type '" + taskType + "'; known types: " + catalog.knownTaskTypes());
        }
        if (registry.isUniversal(taskType) || agentTypes.size() > 1) {
            throw RuleViolationException.of(
                    "agent_id",
                    "task type '" + taskType + "' is answered by " + agentTypes + ": name one with agent_id");
        }
        RegisteredAgent agent = registry.byType(agentTypes.getFirst())
                .orElseThrow(() -> RuleViolationException.of(
                        "task_type",
                        "task type '" + taskType + "' was announced by " + agentTypes.getFirst()
                                + ", which is not a configured agent"));
        requireActive(agent, "task_type");
        return RoutingDecision.of(
                RoutingMethod.ROUTING_TABLE,
                agent,
                taskType,
                1.0,
                "task type '" + taskType + "' is handled by " + agent.type());
    }

    private RoutingDecision toNamedAgent(String taskType, UUID agentId) {
        RegisteredAgent agent = registry.byId(agentId)
                .orElseThrow(() -> RuleViolationException.of("agent_id", "no agent with id " + agentId));
        requireActive(agent, "agent_id");
        List<String> handled = catalog.taskTypesOf(agent.type());
        String effectiveType;
        if (taskType == null || properties.genericTaskTypes().contains(taskType)) {
            effectiveType = agent.defaultTaskType()
                    .orElseThrow(() -> RuleViolationException.of(
                            "task_type", agent.type() + " has no default task type: name one of " + handled));
        } else {
            effectiveType = taskType;
        }
        if (!handled.contains(effectiveType)) {
            throw RuleViolationException.of(
                    "task_type",
                    agent.type() + " does not handle task type '" + effectiveType + "'; it handles " + handled);
        }
        return RoutingDecision.of(
                RoutingMethod.EXPLICIT_AGENT, agent, effectiveType, 1.0, "caller named agent " + agent.type());
    }

    private RoutingDecision classify(String taskType, JsonNode input) {
        var classification = classifier.classify(input);
        String requested = taskType == null ? "no task type" : "generic task type '" + taskType + "'";
        String unrouted = taskType == null ? "unclassified" : taskType;
        if (classification.agent() == null || classification.confidence() < properties.confidenceThreshold()) {
            return RoutingDecision.of(
                    RoutingMethod.ESCALATED,
                    null,
                    unrouted,
                    classification.confidence(),
                    requested + ": confidence " + String.format("%.2f", classification.confidence())
                            + " below threshold " + properties.confidenceThreshold() + " (" + classification.reason()
                            + ")");
        }
        RegisteredAgent agent = classification.agent();
        Optional<String> defaultType = agent.defaultTaskType();
        if (defaultType.isEmpty() || !catalog.taskTypesOf(agent.type()).contains(defaultType.get())) {
            // the content points at an agent, but there is no task type to give it free text as
            return RoutingDecision.of(
                    RoutingMethod.ESCALATED,
                    null,
                    unrouted,
                    classification.confidence(),
                    requested + ": " + classification.reason() + ", but "
                            + defaultType
                                    .map(type ->
                                            agent.type() + " has not announced its default task type '" + type + "'")
                                    .orElse(agent.type() + " has no default task type for free text"));
        }
        return RoutingDecision.of(
                RoutingMethod.CLASSIFIED,
                agent,
                defaultType.get(),
                classification.confidence(),
                requested + ": " + classification.reason());
    }

    private static void requireActive(RegisteredAgent agent, String field) {
        if (!agent.isActive()) {
            throw RuleViolationException.of(field, "agent " + agent.type() + " is not active");
        }
    }
}
