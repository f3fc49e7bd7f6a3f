package com.agentfactory.recommendation.surface;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the cached lists of erased customers that Redis could not drop at once are dropped later (see {@link
 * ErasedCustomerLists}).
 *
 * @param sweepInterval how often the lists still to drop are dropped again; also the longest another instance may
 *     go on serving them should the erasure's notification not reach it (a connection gone silent)
 * @param batchSize most customers whose lists one transaction of the sweep drops
 */
@Validated
@ConfigurationProperties("agentfactory.recommendation.erased-lists")
record ErasedListsProperties(
        @NotNull @DefaultValue("PT5S") Duration sweepInterval,
        @DefaultValue("100") @Min(1) @Max(1000) int batchSize) {

    @AssertTrue(
            message = "sweep-interval must be positive and at most a minute: an erased customer's lists could be served"
                    + " by another instance for that long")
    boolean isSweepIntervalBounded() {
        return sweepInterval == null
                || (sweepInterval.isPositive() && sweepInterval.compareTo(Duration.ofMinutes(1)) <= 0);
    }
}
