package com.agentfactory.ad.prediction;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the served models come from: the folder of model versions written by the {@code train} command, the
 * feature index that maps bid fields to the models' feature indices (blank: bids cannot be scored by fields,
 * only as encoded features; a version stored with its own index uses that one), the prior rates answered while no
 * model is stored, and the time zone in which the training logs count hours and weekdays.
 */
@Validated
@ConfigurationProperties("agentfactory.ad.prediction")
record ClickPredictionProperties(
        @DefaultValue("models/ad") @NotBlank String modelFolder,
        @DefaultValue("") String featureIndex,

        @DefaultValue("0.001") @DecimalMin("0") @DecimalMax("1")
        double defaultCtr,

        @DefaultValue("0.01") @DecimalMin("0") @DecimalMax("1")
        double defaultCvr,

        @DefaultValue("UTC") @NotNull ZoneId timeZone) {}
