package com.agentfactory.messaging.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** An agent instance saying it is alive and what it can do; published on agent.events. */
public record AgentHeartbeat(
        @JsonProperty("agent_id") String agentId,
        @JsonProperty("agent_type") String agentType,
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("task_types") List<String> taskTypes,
        @JsonProperty("in_flight") int inFlight,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("occurred_at") Instant occurredAt) {

    public static final String ACTION = "agent.heartbeat";
}
