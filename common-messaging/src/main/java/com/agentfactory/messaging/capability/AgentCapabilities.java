package com.agentfactory.messaging.capability;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An agent type's announcement of exactly the task types its handlers serve, published on the compacted
 * {@code agent.capabilities} topic keyed by agent type, so the latest announcement of each type is kept.
 */
public record AgentCapabilities(
        @JsonProperty("agent_id") String agentId,
        @JsonProperty("agent_type") String agentType,
        @JsonProperty("task_types") List<TaskTypeDescriptor> taskTypes,
        @JsonProperty("announced_at") Instant announcedAt) {

    public static final String ACTION = "agent.capabilities";

    public AgentCapabilities {
        taskTypes = List.copyOf(taskTypes);
    }
}
