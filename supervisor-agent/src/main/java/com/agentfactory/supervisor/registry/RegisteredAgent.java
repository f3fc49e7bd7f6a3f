package com.agentfactory.supervisor.registry;

import java.util.List;
import java.util.UUID;

/** An agent from configuration with its stable id. */
public record RegisteredAgent(UUID id, AgentRegistryProperties.AgentDefinition definition) {

    public String type() {
        return definition.type();
    }

    public boolean handles(String taskType) {
        return definition.capabilities().contains(taskType);
    }

    /** Activation keywords of the agent and of all its personas, lower-cased. */
    public List<String> keywords() {
        return java.util.stream.Stream.concat(
                        definition.keywords().stream(),
                        definition.personas().stream().flatMap(persona -> persona.activationKeywords().stream()))
                .map(keyword -> keyword.toLowerCase(java.util.Locale.ROOT).trim())
                .filter(keyword -> !keyword.isEmpty())
                .distinct()
                .toList();
    }
}
