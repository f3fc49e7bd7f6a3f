package com.agentfactory.campaign.inbound;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the inbound texts received are kept (see {@link InboundSmsPurge}).
 *
 * @param retention how long after it was received a message's record is kept. While it is, a delivery of the message
 *     again is answered {@code already_received}; after, it would be acted on again, and a STOP resent after the
 *     customer consented once more would withdraw that consent. So far longer than any provider goes on delivering
 *     a message it had no 2xx for (hours, a day or two at most): at least {@value #MINIMUM_DAYS} days
 * @param purgeInterval how often records older than that are looked for
 * @param batchSize most records deleted in one statement, so a backlog is worked off in short transactions
 */
@Validated
@ConfigurationProperties("agentfactory.campaign.inbound-sms.purge")
record InboundSmsRetention(
        @DefaultValue("90d") @NotNull Duration retention,
        @DefaultValue("1h") @NotNull Duration purgeInterval,
        @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize) {

    static final int MINIMUM_DAYS = 7;

    @AssertTrue(
            message = "retention must be at least " + MINIMUM_DAYS + " days: a provider's repeat of a message whose"
                    + " record is gone is acted on again")
    boolean isRetentionLongerThanProvidersRetry() {
        return retention == null || retention.compareTo(Duration.ofDays(MINIMUM_DAYS)) >= 0;
    }

    @AssertTrue(message = "purge-interval must be positive")
    boolean isPurgeIntervalPositive() {
        return purgeInterval == null || purgeInterval.isPositive();
    }
}
