package com.agentfactory.supervisor.registry;

import java.util.UUID;

public class AgentNotFoundException extends RuntimeException {

    public AgentNotFoundException(UUID agentId) {
        super("No agent with id " + agentId);
    }
}
