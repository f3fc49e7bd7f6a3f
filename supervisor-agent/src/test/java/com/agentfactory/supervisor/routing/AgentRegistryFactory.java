package com.agentfactory.supervisor.routing;

import com.agentfactory.supervisor.registry.AgentRegistry;
import com.agentfactory.supervisor.registry.AgentRegistryProperties;

/** Builds the registry the way Spring does, for tests outside the registry package. */
final class AgentRegistryFactory {

    AgentRegistry create(AgentRegistryProperties properties) {
        return AgentRegistry.from(properties);
    }
}
