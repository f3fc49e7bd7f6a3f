package com.agentfactory.messaging.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a consumed message's claim is kept. A claim dropped while Kafka still holds the message lets an offset
 * reset (or a consumer group whose offsets expired) apply it a second time, so the retention must outlast the
 * topics': Kafka deletes whole segments, so a record can outlive {@code retention.ms} by up to {@code segment.ms}
 * (7 + 7 days with the defaults). Thirty days leaves room above that.
 *
 * @param retention how long a claim is kept, at least 7 days
 * @param purgeInterval how often the claims older than that are deleted, between a minute and a day
 * @param purgeBatchSize how many claims one purge transaction deletes, between 1 and 10,000. A pass deletes at most
 *     {@link com.agentfactory.messaging.purge.BatchedPurge#MAX_BATCHES_PER_PASS} batches, so the defaults (5,000
 *     every 10 minutes) keep up with a service consuming some 160 messages a second
 */
@Validated
@ConfigurationProperties("agentfactory.messaging.inbox")
public record InboxProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("10m") Duration purgeInterval,
        @DefaultValue("5000") int purgeBatchSize) {

    /** A week is the topics' default retention alone; anything shorter forgets claims Kafka can still redeliver. */
    static final Duration SHORTEST_RETENTION = Duration.ofDays(7);

    private static final String PREFIX = "agentfactory.messaging.inbox.";

    public InboxProperties {
        if (retention == null || retention.compareTo(SHORTEST_RETENTION) < 0) {
            throw new IllegalArgumentException(
                    PREFIX + "retention must be at least " + SHORTEST_RETENTION.toDays() + " days, was " + retention);
        }
        if (purgeInterval == null
                || purgeInterval.compareTo(Duration.ofMinutes(1)) < 0
                || purgeInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(
                    PREFIX + "purge-interval must be between PT1M and PT24H, was " + purgeInterval);
        }
        if (purgeBatchSize < 1 || purgeBatchSize > 10_000) {
            throw new IllegalArgumentException(
                    PREFIX + "purge-batch-size must be between 1 and 10000, was " + purgeBatchSize);
        }
    }
}
