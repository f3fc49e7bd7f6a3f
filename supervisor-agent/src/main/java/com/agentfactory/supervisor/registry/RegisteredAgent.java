package com.agentfactory.supervisor.registry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** An agent from configuration with its stable id. */
public record RegisteredAgent(UUID id, AgentRegistryProperties.AgentDefinition definition) {

    public String type() {
        return definition.type();
    }

    public boolean isActive() {
        return definition.active();
    }

    /** The task type for free text sent to this agent, if it has one. */
    public Optional<String> defaultTaskType() {
        return Optional.ofNullable(definition.defaultTaskType()).filter(type -> !type.isBlank());
    }

    /** Activation keywords of the agent and of all its personas, lower-cased. */
    public List<String> keywords() {
        return Stream.concat(
                        definition.keywords().stream(),
                        definition.personas().stream().flatMap(persona -> persona.activationKeywords().stream()))
                .map(keyword -> keyword.toLowerCase(Locale.ROOT).trim())
                .filter(keyword -> !keyword.isEmpty())
                .distinct()
                .toList();
    }
}
