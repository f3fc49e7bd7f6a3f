package com.agentfactory.supervisor.registry;

import com.agentfactory.messaging.runtime.AgentIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The configured agents: who they are, their personas and keywords. Which task types each handles is not
 * configured here; the agents announce it themselves.
 */
@Component
public class AgentRegistry {

    private final Map<UUID, RegisteredAgent> byId = new LinkedHashMap<>();
    private final Set<String> universalTaskTypes;

    /** The registry for a configuration; Spring builds it through the constructor. */
    public static AgentRegistry from(AgentRegistryProperties properties) {
        return new AgentRegistry(properties);
    }

    AgentRegistry(AgentRegistryProperties properties) {
        this.universalTaskTypes = Set.copyOf(properties.universalTaskTypes());
        for (var definition : properties.agents()) {
            var agent = new RegisteredAgent(AgentIds.forType(definition.type()), definition);
            if (byId.put(agent.id(), agent) != null) {
                throw new IllegalStateException("agent type " + definition.type() + " is configured twice");
            }
        }
    }

    public List<RegisteredAgent> agents() {
        return List.copyOf(byId.values());
    }

    public Optional<RegisteredAgent> byId(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<RegisteredAgent> byType(String type) {
        return byId.values().stream().filter(agent -> agent.type().equals(type)).findFirst();
    }

    /** Task types every agent answers (they need an explicit agent). */
    public boolean isUniversal(String taskType) {
        return universalTaskTypes.contains(taskType);
    }
}
