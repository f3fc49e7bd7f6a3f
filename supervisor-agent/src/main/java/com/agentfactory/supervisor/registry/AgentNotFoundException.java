package com.agentfactory.supervisor.registry;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

/** No configured agent has this id. */
class AgentNotFoundException extends NotFoundException {

    AgentNotFoundException(UUID agentId) {
        super("No agent with id " + agentId);
    }
}
