package com.agentfactory.supervisor.registry;

import com.agentfactory.messaging.runtime.AgentHeartbeat;
import com.agentfactory.supervisor.capability.TaskTypeCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The registry's read side: configured agents joined with the liveness their heartbeats report. */
@Service
public class AgentRegistryService {

    /** At most this many instances per agent are listed: live ones first, then the most recently silent. */
    static final int LISTED_INSTANCES = 50;

    private final AgentRegistry registry;
    private final AgentInstanceRepository instances;
    private final TaskTypeCatalog catalog;
    private final AgentRegistryProperties properties;
    private final Clock clock;

    AgentRegistryService(
            AgentRegistry registry,
            AgentInstanceRepository instances,
            TaskTypeCatalog catalog,
            AgentRegistryProperties properties,
            Clock clock) {
        this.registry = registry;
        this.instances = instances;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    /** Forgets instances silent for longer than the configured retention; returns how many. */
    public int forgetSilentInstances() {
        return instances.deleteSilentSince(clock.instant().minus(properties.instanceRetention()));
    }

    /** Refreshes the liveness of the instance the heartbeat comes from. */
    public void recordHeartbeat(AgentHeartbeat heartbeat) {
        instances.record(heartbeat);
    }

    AgentResponse describe(UUID agentId) {
        return describe(registry.byId(agentId).orElseThrow(() -> new AgentNotFoundException(agentId)));
    }

    List<AgentResponse> find(String type, String department, Boolean active) {
        return registry.agents().stream()
                .filter(agent -> type == null || agent.type().equals(type))
                .filter(agent ->
                        department == null || agent.definition().department().equalsIgnoreCase(department))
                .filter(agent -> active == null || agent.definition().active() == active)
                .map(this::describe)
                .toList();
    }

    private AgentResponse describe(RegisteredAgent agent) {
        var definition = agent.definition();
        Instant now = clock.instant();
        var instanceResponses = instances.instancesOf(agent.type(), LISTED_INSTANCES).stream()
                .map(instance -> new AgentResponse.InstanceResponse(
                        instance.instanceId(),
                        instance.lastHeartbeatAt()
                                .plus(properties.livenessTimeout())
                                .isAfter(now),
                        instance.inFlight(),
                        instance.startedAt(),
                        instance.lastHeartbeatAt()))
                .toList();
        int live = (int) instanceResponses.stream()
                .filter(AgentResponse.InstanceResponse::alive)
                .count();
        Instant last = instanceResponses.isEmpty()
                ? null
                : instanceResponses.getFirst().lastHeartbeatAt();
        String status = instanceResponses.isEmpty() ? "UNKNOWN" : live > 0 ? "UP" : "DOWN";
        var targets = definition.performanceTargets();
        return new AgentResponse(
                agent.id(),
                definition.name(),
                definition.type(),
                definition.department(),
                definition.description(),
                definition.active(),
                agent.defaultTaskType().orElse(null),
                definition.personas().stream()
                        .map(persona -> new AgentResponse.PersonaResponse(
                                persona.name(), persona.knowledgeBase(), persona.activationKeywords()))
                        .toList(),
                catalog.taskTypesOf(agent.type()),
                definition.mcpServers(),
                targets == null
                        ? null
                        : new AgentResponse.PerformanceTargetsResponse(
                                targets.responseTimeMs(), targets.successRate(), targets.revenueTarget()),
                new AgentResponse.LivenessResponse(status, live, last, instanceResponses));
    }
}
