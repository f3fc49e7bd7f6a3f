package com.agentfactory.support.escalation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The thresholds of the escalation rules.
 *
 * @param minIntentConfidence below this the top intent is not trusted; unset, the intent model's own out-of-scope
 *     threshold (stored with the model when it was trained) applies, so a retrained model brings its threshold along
 * @param minSentiment below this score the customer is taken as frustrated
 * @param maxIntents more intents than this make an issue complex
 * @param minIntentShare only intents at or above this confidence count towards complexity: the pipeline also
 *     reports faint runners-up, which say nothing about how many things the customer asked
 * @param maxFailedAttempts this many failed answers in one conversation hand it over
 * @param vipCustomerIds customers always served by a person; the only way a customer is a VIP (no tier a chat or task
 *     caller sends counts)
 * @param complianceKeywords words and phrases that need a person (legal, data protection, chargebacks), matched as
 *     whole words whatever their case and accents; a {@code *} at the start also matches them ending a longer word
 *     (compounds), at the end also words they begin (inflections)
 * @param handoverIntents intents that ask for a person outright; the help pages promise one at any time
 */
@Validated
@ConfigurationProperties("agentfactory.support.escalation")
record EscalationProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") Double minIntentConfidence,
        @DecimalMin("-1.0") @DecimalMax("1.0") double minSentiment,
        @Min(1) int maxIntents,
        @DecimalMin("0.0") @DecimalMax("1.0") double minIntentShare,
        @Min(1) int maxFailedAttempts,
        @NotNull Set<UUID> vipCustomerIds,

        @NotNull
        List<
                        @NotNull
                        @Pattern(
                                regexp = "\\*?[^*]*[^*\\s][^*]*\\*?",
                                message = "must be a word or phrase, with * only at its start or end")
                        String>
                complianceKeywords,

        @NotNull Set<String> handoverIntents) {}
