package com.agentfactory.campaign.journey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How journeys run: whether this instance executes due steps, how often it looks for them, how many
 * enrolments one transaction takes, and whether the specification's abandoned-cart journey is loaded and
 * activated at start (the demo).
 */
@ConfigurationProperties("agentfactory.campaign.journeys")
@Validated
record JourneyProperties(
        boolean executorEnabled,
        @NotNull Duration pollInterval,
        @Min(1) @Max(5000) int batchSize,
        boolean loadDemo) {}
