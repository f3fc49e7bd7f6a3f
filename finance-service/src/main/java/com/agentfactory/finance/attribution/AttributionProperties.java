package com.agentfactory.finance.attribution;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How far back an order looks for touchpoints, the time-decay half-life, and the model reports use by default. */
@Validated
@ConfigurationProperties("agentfactory.finance.attribution")
public record AttributionProperties(
        @NotNull @DefaultValue("30d") Duration lookback,
        @NotNull @DefaultValue("7d") Duration halfLife,
        @NotNull @DefaultValue("position_based") AttributionModel defaultModel) {}
