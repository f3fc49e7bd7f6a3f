package com.agentfactory.ad.allocation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled whether budgets are reallocated on the schedule (the allocate-budget task works either way)
 * @param interval how often the active campaigns' daily budgets are reallocated
 * @param minShare the least share of its own daily budget a campaign keeps, so a campaign is never starved of the
 *     evidence that could prove it better
 */
@Validated
@ConfigurationProperties("agentfactory.ad.allocation")
public record AllocationProperties(
        boolean enabled,
        @NotNull Duration interval,
        @DecimalMin("0.0") @DecimalMax("1.0") double minShare) {}
