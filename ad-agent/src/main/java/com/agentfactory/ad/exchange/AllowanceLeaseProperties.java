package com.agentfactory.ad.exchange;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How each replica leases its share of a campaign's allowance (see {@link AllowanceLeases}).
 *
 * @param share how much of what the allowance has left a replica keeps leased to bid on at most: topped up when less
 *     than half of it is left to promise, the excess given back when more than twice is. Once its bids have been
 *     watched over a few refresh intervals, a replica keeps only what they need, down to an eighth of this when no
 *     bid request reaches it. A quarter lets the two to four replicas production runs each hold a share; more
 *     replicas than 1 / share bid on what the others leave free
 * @param ttl how long a lease stays in force without being renewed: the replica renews it once half has passed and
 *     stops bidding on it one claim hold before it expires, so a crashed replica's share is free again after this.
 *     More than twice the claim hold
 */
@Validated
@ConfigurationProperties("agentfactory.ad.exchange.lease")
record AllowanceLeaseProperties(
        @DefaultValue("0.25") @DecimalMin("0.01") @DecimalMax("1.0")
        double share,

        @DefaultValue("10m") @NotNull Duration ttl) {}
