package com.agentfactory.recommendation.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the models are trained: neighbours kept per item and per user, the EASE regularisation and item
 * cap (its cost grows with the cube of the items), the size, sweeps, regularisation and confidence scale
 * (alpha) of the ALS factorisation (fewer factors and sweeps than the MovieLens tuning, since the service
 * retrains often and at start-up), the session window, how often the service retrains,
 * how far a hold-out metric may fall, on a hold-out of how many users at least, before a new version
 * is kept out of service, the end of the interactions the ensemble weights are learned on, and how many
 * signals of global demand smooth each country's trending list, how many neighbours item-CF keeps
 * per item (many: its score sums weak similarities, and a neighbour costs 8 bytes), and how lately a
 * product must have first sold to count as newly selling.
 */
@Validated
@ConfigurationProperties("agentfactory.recommendation.model")
record ModelProperties(
        @Min(1) @Max(1000) int neighbours,
        @NotNull Duration retrainInterval,
        @DefaultValue("50") @Min(1) @Max(1000) int userNeighbours,
        @DefaultValue("100") @DecimalMin("0.001") double easeLambda,
        @DefaultValue("3000") @Min(1) @Max(20000) int easeMaxItems,
        @DefaultValue("32") @Min(1) @Max(512) int alsFactors,
        @DefaultValue("10") @Min(1) @Max(100) int alsIterations,
        @DefaultValue("30") @DecimalMin("0.0001") double alsRegularisation,
        @DefaultValue("2") @DecimalMin("0") double alsAlpha,
        @DefaultValue("3") @Min(1) @Max(50) int sessionWindow,

        @DefaultValue("0.02") @DecimalMin("0") @DecimalMax("1")
        double promotionTolerance,

        @DefaultValue("100") @Min(0) int promotionMinHoldoutUsers,
        @DefaultValue("P30D") @NotNull Duration validationWindow,
        @DefaultValue("50") @DecimalMin("0") double countryShrinkage,
        @DefaultValue("1000") @Min(1) @Max(100000) int itemNeighbours,
        @DefaultValue("P30D") @NotNull Duration newlySellingWindow) {}
