package com.agentfactory.recommendation.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How the models are trained: neighbours kept per item, and how often the service retrains. */
@Validated
@ConfigurationProperties("agentfactory.recommendation.model")
record ModelProperties(
        @Min(1) @Max(1000) int neighbours, @NotNull Duration retrainInterval) {}
