package com.agentfactory.ad.budget;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How spend allowances are kept.
 *
 * @param trancheFraction the share of a campaign's daily budget reserved from finance at a time: small enough that
 *     an unspent tranche ties up little of the department's budget, large enough that finance is asked rarely
 * @param topUpBelow a new tranche is reserved when less than this share of the current tranche is left
 * @param keeperInterval how often allowances are topped up, pending finance calls retried and past days settled
 * @param refusalBackoff how long after finance refused a campaign's tranche it is asked again; doubled with every
 *     refusal in a row, up to {@code maxRefusalBackoff}: finance says no for a reason a pass later will not change
 * @param maxRefusalBackoff the longest a campaign finance keeps refusing waits to be asked again
 */
@Validated
@ConfigurationProperties("agentfactory.ad.budget")
public record BudgetProperties(
        @NotNull @DecimalMin("0.01") @DecimalMax("1.0") BigDecimal trancheFraction,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") BigDecimal topUpBelow,
        @NotNull Duration keeperInterval,
        @NotNull Duration refusalBackoff,
        @NotNull Duration maxRefusalBackoff) {}
