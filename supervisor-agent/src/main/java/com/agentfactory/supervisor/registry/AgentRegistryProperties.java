package com.agentfactory.supervisor.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The agents the supervisor knows, in the shape of the specification's agent configuration template
 * (000 Appendix B): name, type, department, personas with activation keywords and performance targets.
 * The task types an agent handles are not configured: they are what the agent announces. The default
 * task type, for free text classified to the agent, is set only where the agent really handles it.
 *
 * @param instanceRetention how long an instance that stopped sending heartbeats is still listed (as not alive) before
 *     it is forgotten: every restart starts a new instance, so without it the list only grows. An agent type's last
 *     instance is kept however old, so an agent that is down still shows DOWN.
 */
@Validated
@ConfigurationProperties("agentfactory.registry")
public record AgentRegistryProperties(
        @NotEmpty @Valid List<AgentDefinition> agents,
        @DefaultValue("35s") Duration livenessTimeout,
        @DefaultValue("health-check") List<String> universalTaskTypes,
        @DefaultValue("24h") Duration instanceRetention) {

    @AssertTrue(message = "instance_retention must be longer than liveness_timeout")
    boolean isInstanceRetentionLongerThanLiveness() {
        return instanceRetention == null || livenessTimeout == null || instanceRetention.compareTo(livenessTimeout) > 0;
    }

    public record AgentDefinition(
            @NotBlank String name,

            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,48}")
            String type,

            @NotBlank String department,
            String description,
            @DefaultValue("true") boolean active,
            @Pattern(regexp = "[a-z][a-z0-9-]*") String defaultTaskType,
            @DefaultValue List<@Valid Persona> personas,
            @DefaultValue List<String> keywords,
            @DefaultValue List<String> mcpServers,
            @Valid PerformanceTargets performanceTargets) {}

    public record Persona(
            @NotBlank String name,
            String knowledgeBase,
            @DefaultValue List<String> activationKeywords) {}

    public record PerformanceTargets(Integer responseTimeMs, BigDecimal successRate, BigDecimal revenueTarget) {}
}
