package com.agentfactory.campaign.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How journeys run: whether this instance executes due steps, how often it looks for them, how many
 * enrolments one transaction takes, whether the specification's abandoned-cart journey is loaded and
 * activated at start (the demo), and how the engagement score counts spend.
 */
@ConfigurationProperties("agentfactory.campaign.journeys")
@Validated
record JourneyProperties(
        boolean executorEnabled,
        @NotNull Duration pollInterval,
        @Min(1) @Max(5000) int batchSize,
        boolean loadDemo,
        @Valid @NotNull Score score) {

    /**
     * The engagement score's spend part ({@link EngagementScore}).
     *
     * @param spendPerPoint by ISO 4217 code, how much spent in that currency earns one point; a currency left out
     *     earns none
     */
    record Score(@NotEmpty Map<@Pattern(regexp = "[A-Za-z]{3}") String, @NotNull @Positive BigDecimal> spendPerPoint) {}
}
