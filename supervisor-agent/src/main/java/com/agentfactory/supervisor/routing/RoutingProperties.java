package com.agentfactory.supervisor.routing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Content classification for tasks that do not say what they are: task types that count as generic,
 * and the confidence below which the supervisor escalates to a person instead of guessing.
 */
@Validated
@ConfigurationProperties("agentfactory.routing")
record RoutingProperties(
        @DefaultValue("0.6") @DecimalMin("0.0") @DecimalMax("1.0")
        double confidenceThreshold,

        @DefaultValue({"general", "generic", "auto", "classify", "unknown"})
        List<String> genericTaskTypes) {}
