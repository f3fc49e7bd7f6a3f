package com.agentfactory.recommendation.interaction;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much each kind of interaction says about interest, and how fast that fades: a signal's weight
 * halves every {@code halfLife}.
 */
@Validated
@ConfigurationProperties("agentfactory.recommendation.interactions")
record InteractionProperties(
        @NotNull Duration halfLife,
        @Positive double viewWeight,
        @Positive double cartWeight,
        @Positive double purchaseWeight) {

    InteractionProperties {
        if (halfLife != null && (halfLife.isZero() || halfLife.isNegative())) {
            throw new IllegalArgumentException("agentfactory.recommendation.interactions.half-life must be positive");
        }
    }

    double weightOf(InteractionKind kind) {
        return switch (kind) {
            case VIEW -> viewWeight;
            case CART -> cartWeight;
            case PURCHASE -> purchaseWeight;
        };
    }
}
