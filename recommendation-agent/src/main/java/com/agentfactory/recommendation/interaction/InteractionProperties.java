package com.agentfactory.recommendation.interaction;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much each kind of interaction says about interest, and how fast that fades: a signal's weight
 * halves every {@code halfLife}.
 *
 * @param horizonHalfLives how many half-lives back the models learn from: a signal older weighs less than
 *     2<sup>-horizonHalfLives</sup> of a new one, so leaving it out changes next to nothing, while keeping it would
 *     have every training read everything ever stored. Views and cart additions that old are deleted (see {@link
 *     BehaviourPurge}); purchases are kept, as a customer's lists leave out what they bought whenever they bought it
 * @param purgeInterval how often the views and cart additions beyond the horizon are looked for
 * @param purgeBatchSize most of them deleted in one statement, so a backlog is worked off in short transactions
 */
@Validated
@ConfigurationProperties("agentfactory.recommendation.interactions")
record InteractionProperties(
        @NotNull Duration halfLife,
        @Positive double viewWeight,
        @Positive double cartWeight,
        @Positive double purchaseWeight,

        @DefaultValue("10") @Min(MIN_HORIZON_HALF_LIVES) @Max(MAX_HORIZON_HALF_LIVES)
        int horizonHalfLives,

        @DefaultValue("PT10M") @NotNull Duration purgeInterval,
        @DefaultValue("5000") @Min(1) @Max(10_000) int purgeBatchSize) {

    // at five half-lives a signal still weighs 3% of a new one: a shorter horizon would change what is learned
    static final int MIN_HORIZON_HALF_LIVES = 5;
    // 2^-50 of a weight is lost in the rounding of any sum it joins
    static final int MAX_HORIZON_HALF_LIVES = 50;

    InteractionProperties {
        if (halfLife != null && (halfLife.isZero() || halfLife.isNegative())) {
            throw new IllegalArgumentException("agentfactory.recommendation.interactions.half-life must be positive");
        }
    }

    @AssertTrue(message = "purge-interval must be positive")
    boolean isPurgeIntervalPositive() {
        return purgeInterval == null || purgeInterval.isPositive();
    }

    double weightOf(InteractionKind kind) {
        return switch (kind) {
            case VIEW -> viewWeight;
            case CART -> cartWeight;
            case PURCHASE -> purchaseWeight;
        };
    }

    /** The oldest instant the models learn from at {@code now}: {@code horizonHalfLives} half-lives before it. */
    Instant horizon(Instant now) {
        return now.minus(halfLife.multipliedBy(horizonHalfLives));
    }
}
