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
 */
@Validated
@ConfigurationProperties("agentfactory.messaging.inbox")
public record InboxProperties(@DefaultValue("30d") Duration retention) {

    /** A week is the topics' default retention alone; anything shorter forgets claims Kafka can still redeliver. */
    static final Duration SHORTEST_RETENTION = Duration.ofDays(7);

    public InboxProperties {
        if (retention == null || retention.compareTo(SHORTEST_RETENTION) < 0) {
            throw new IllegalArgumentException("agentfactory.messaging.inbox.retention must be at least "
                    + SHORTEST_RETENTION.toDays() + " days, was " + retention);
        }
    }
}
