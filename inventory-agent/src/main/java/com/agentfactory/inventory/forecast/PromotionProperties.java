package com.agentfactory.inventory.forecast;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a planned promotion changes expected demand.
 *
 * @param priorElasticity the price elasticity assumed for a SKU without promotions of its own to measure (2: a
 *     typical figure for discounted retail goods)
 * @param priorDays how many promotion days of the SKU's own count as much as the prior: with fewer, the prior
 *     weighs more than what was measured
 * @param baselineDays the days before a past promotion its usual demand is measured over
 * @param maximumElasticity the largest elasticity one past promotion can show (a first order of a new customer
 *     during a promotion is not the discount's doing)
 * @param maximumFactor the largest factor a promotion puts on a day's demand
 */
@Validated
@ConfigurationProperties("agentfactory.inventory.promotion")
public record PromotionProperties(
        @DefaultValue("2.0") @DecimalMin("0") @DecimalMax("10")
        double priorElasticity,

        @DefaultValue("14") @Min(1) @Max(365) int priorDays,
        @DefaultValue("28") @Min(7) @Max(365) int baselineDays,

        @DefaultValue("6.0") @DecimalMin("0") @DecimalMax("20")
        double maximumElasticity,

        @DefaultValue("5.0") @DecimalMin("1") @DecimalMax("20")
        double maximumFactor) {}
