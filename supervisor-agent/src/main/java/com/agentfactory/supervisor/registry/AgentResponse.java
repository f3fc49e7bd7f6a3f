package com.agentfactory.supervisor.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agent as the registry describes it, with liveness from its instances' heartbeats. */
record AgentResponse(
        UUID agentId,
        String name,
        String type,
        String department,
        String description,
        boolean isActive,
        String defaultTaskType,
        List<PersonaResponse> personas,
        List<String> capabilities,
        List<String> mcpServers,
        PerformanceTargetsResponse performanceTargets,
        LivenessResponse liveness) {

    record PersonaResponse(String name, String knowledgeBase, List<String> activationKeywords) {}

    record PerformanceTargetsResponse(Integer responseTimeMs, BigDecimal successRate, BigDecimal revenueTarget) {}

    /** UP when at least one instance sent a heartbeat within the liveness timeout. */
    record LivenessResponse(
            String status, int liveInstances, Instant lastHeartbeatAt, List<InstanceResponse> instances) {}

    record InstanceResponse(
            String instanceId, boolean alive, int inFlight, Instant startedAt, Instant lastHeartbeatAt) {}
}
