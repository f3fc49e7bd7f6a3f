package com.agentfactory.supervisor.routing;

import com.agentfactory.messaging.web.RequestValidationException;
import com.agentfactory.supervisor.registry.AgentRegistry;
import com.agentfactory.supervisor.registry.RegisteredAgent;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Decides which agent gets a task: the agent the caller named; else the routing table (task type →
 * agent, from the agents' capabilities); else, for a generic or missing type, the content classifier,
 * escalating to a person when it is not confident enough. An explicit type nobody handles is refused.
 */
@Service
public class TaskRouter {

    private final AgentRegistry registry;
    private final KeywordClassifier classifier;
    private final RoutingProperties properties;

    TaskRouter(AgentRegistry registry, KeywordClassifier classifier, RoutingProperties properties) {
        this.registry = registry;
        this.classifier = classifier;
        this.properties = properties;
    }

    public RoutingDecision route(String taskType, UUID agentId, JsonNode input) {
        if (agentId != null) {
            return toNamedAgent(taskType, agentId);
        }
        if (taskType != null && !properties.genericTaskTypes().contains(taskType)) {
            if (registry.isUniversal(taskType)) {
                throw RequestValidationException.unprocessable(
                        "agent_id", "task type '" + taskType + "' is answered by every agent: name one with agent_id");
            }
            RegisteredAgent agent = registry.forTaskType(taskType)
                    .orElseThrow(() -> RequestValidationException.unprocessable(
                            "task_type",
                            "unknown task type '" + taskType + "'; known types: " + registry.routableTaskTypes()));
            requireActive(agent, "task_type");
            return RoutingDecision.of(
                    RoutingMethod.ROUTING_TABLE,
                    agent,
                    taskType,
                    1.0,
                    "task type '" + taskType + "' is handled by " + agent.type());
        }
        return classify(taskType, input);
    }

    private RoutingDecision toNamedAgent(String taskType, UUID agentId) {
        RegisteredAgent agent = registry.byId(agentId)
                .orElseThrow(() -> RequestValidationException.unprocessable("agent_id", "no agent with id " + agentId));
        requireActive(agent, "agent_id");
        String effectiveType = taskType == null || properties.genericTaskTypes().contains(taskType)
                ? agent.definition().defaultTaskType()
                : taskType;
        if (!agent.handles(effectiveType) && !registry.isUniversal(effectiveType)) {
            throw RequestValidationException.unprocessable(
                    "task_type",
                    agent.type() + " does not handle task type '" + effectiveType + "'; it handles "
                            + agent.definition().capabilities());
        }
        return RoutingDecision.of(
                RoutingMethod.EXPLICIT_AGENT, agent, effectiveType, 1.0, "caller named agent " + agent.type());
    }

    private RoutingDecision classify(String taskType, JsonNode input) {
        var classification = classifier.classify(input);
        String requested = taskType == null ? "no task type" : "generic task type '" + taskType + "'";
        if (classification.agent() == null || classification.confidence() < properties.confidenceThreshold()) {
            return RoutingDecision.of(
                    RoutingMethod.ESCALATED,
                    null,
                    taskType == null ? "unclassified" : taskType,
                    classification.confidence(),
                    requested + ": confidence " + String.format("%.2f", classification.confidence())
                            + " below threshold " + properties.confidenceThreshold() + " (" + classification.reason()
                            + ")");
        }
        RegisteredAgent agent = classification.agent();
        return RoutingDecision.of(
                RoutingMethod.CLASSIFIED,
                agent,
                agent.definition().defaultTaskType(),
                classification.confidence(),
                requested + ": " + classification.reason());
    }

    private static void requireActive(RegisteredAgent agent, String field) {
        if (!agent.definition().active()) {
            throw RequestValidationException.unprocessable(field, "agent " + agent.type() + " is not active");
        }
    }
}
