package com.agentfactory.support.understanding;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The language pipeline's settings.
 *
 * @param languages ISO 639-1 codes of the languages the store serves; detection chooses among these only
 * @param minimumRelativeDistance Lingua's margin between the best and second language below which it says unknown
 * @param highAccuracyLanguageDetection Lingua's high-accuracy mode, needed for messages of a few words (the
 *     low-accuracy mode takes "What is the status of my order?" for German), but all five n-gram models: about 5 MB
 *     of heap per language as the detector holds them (27 MB in Lingua's own maps) instead of 0.2 MB
 * @param maxTextLength longer messages are refused with a rule violation
 * @param intentModel location of the intent model artefact (a Spring resource: classpath:, file:)
 * @param reportingFloor intents below this confidence are not reported
 * @param maxIntents how many intents are reported at most
 */
@Validated
@ConfigurationProperties("agentfactory.support.understanding")
record UnderstandingProperties(
        @DefaultValue({"en", "de", "fr", "es", "nl", "it"}) @NotEmpty
        List<String> languages,

        @DefaultValue("0.02") @DecimalMin("0.0") @DecimalMax("0.99")
        double minimumRelativeDistance,

        @DefaultValue("true") boolean highAccuracyLanguageDetection,

        @DefaultValue("20000") @Min(1) int maxTextLength,

        @DefaultValue("classpath:model/intent-model.bin") @NotBlank
        String intentModel,

        @DefaultValue("0.01") @DecimalMin("0.0") @DecimalMax("1.0")
        double reportingFloor,

        @DefaultValue("3") @Min(1) @Max(100) int maxIntents) {}
