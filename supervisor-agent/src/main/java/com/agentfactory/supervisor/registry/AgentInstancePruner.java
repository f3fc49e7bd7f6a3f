package com.agentfactory.supervisor.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets agent instances that stopped sending heartbeats long ago: each restart of an agent is a new instance, and
 * the registry would otherwise list every one there ever was. Safe to run on every supervisor instance.
 */
@Component
class AgentInstancePruner {

    private static final Logger log = LoggerFactory.getLogger(AgentInstancePruner.class);

    private final AgentRegistryService registry;

    AgentInstancePruner(AgentRegistryService registry) {
        this.registry = registry;
    }

    @Scheduled(fixedDelayString = "${agentfactory.registry.instance-prune-interval:10m}", initialDelay = 60_000)
    void forgetSilentInstances() {
        try {
            int forgotten = registry.forgetSilentInstances();
            if (forgotten > 0) {
                log.info("Forgot {} agent instance(s) silent for longer than the retention", forgotten);
            }
        } catch (RuntimeException e) {
            log.warn("Agent instance pruning failed: {}", e.getMessage());
        }
    }
}
