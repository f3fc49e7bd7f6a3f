package com.agentfactory.messaging.runtime;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Stable agent ids derived from the agent type, so the registry and the agents agree without a lookup. */
public final class AgentIds {

    private AgentIds() {}

    public static UUID forType(String agentType) {
        return UUID.nameUUIDFromBytes(("agent:" + agentType).getBytes(StandardCharsets.UTF_8));
    }
}
