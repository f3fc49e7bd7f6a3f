package com.agentfactory.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the outbox's dead letters are kept. Each holds a whole message, often a customer's personal data, and an
 * erasure finds only those that name the customer's id (see {@link OutboxDeadLetters}), so the retention is also how
 * long such data can outlive the customer's erasure: bounded on both sides.
 *
 * @param retention how long after it was moved aside a dead letter is deleted; long enough to see the alert and send
 *     the row again, at least a day and at most 90
 * @param purgeInterval how often the purge runs, between a minute and a day
 * @param purgeBatchSize how many rows one purge transaction deletes, between 1 and 10,000
 */
@Validated
@ConfigurationProperties("agentfactory.messaging.outbox.dead-letters")
public record OutboxDeadLetterProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("500") int purgeBatchSize) {

    static final Duration SHORTEST_RETENTION = Duration.ofDays(1);
    static final Duration LONGEST_RETENTION = Duration.ofDays(90);
    private static final String PREFIX = "agentfactory.messaging.outbox.dead-letters.";

    public OutboxDeadLetterProperties {
        within(PREFIX + "retention", retention, SHORTEST_RETENTION, LONGEST_RETENTION);
        within(PREFIX + "purge-interval", purgeInterval, Duration.ofMinutes(1), Duration.ofDays(1));
        if (purgeBatchSize < 1 || purgeBatchSize > 10_000) {
            throw new IllegalArgumentException(
                    PREFIX + "purge-batch-size must be between 1 and 10000, was " + purgeBatchSize);
        }
    }

    private static void within(String name, Duration value, Duration least, Duration most) {
        if (value == null || value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            throw new IllegalArgumentException(name + " must be between " + least + " and " + most + ", was " + value);
        }
    }
}
