package com.agentfactory.ad.exchange;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param enabled off by default; the local demo turns it on so campaigns deliver and learn */
@Validated
@ConfigurationProperties("agentfactory.ad.simulated-exchange")
public record SimulatedExchangeProperties(
        boolean enabled, @Min(1) @Max(1000) int requestsPerSecond) {}
