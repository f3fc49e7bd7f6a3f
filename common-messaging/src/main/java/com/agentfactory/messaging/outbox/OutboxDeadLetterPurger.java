package com.agentfactory.messaging.outbox;

import com.agentfactory.messaging.purge.BatchedPurge;
import com.agentfactory.messaging.purge.ScheduledPurge;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the outbox's dead letters kept longer than their retention (see {@link OutboxDeadLetterProperties}). */
public class OutboxDeadLetterPurger extends ScheduledPurge {

    private static final Logger log = LoggerFactory.getLogger(OutboxDeadLetterPurger.class);

    private final OutboxDeadLetters deadLetters;
    private final OutboxDeadLetterProperties properties;
    private final Clock clock;

    public OutboxDeadLetterPurger(OutboxDeadLetters deadLetters, OutboxDeadLetterProperties properties, Clock clock) {
        super("outbox-dead-letter-purge", properties.purgeInterval());
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass (see {@link BatchedPurge}); returns how many dead letters it deleted. */
    @Override
    protected int purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int batchSize = properties.purgeBatchSize();
        int deleted = BatchedPurge.pass(
                "Outbox dead letters older than " + properties.retention(),
                batchSize,
                () -> deadLetters.purgeBatch(cutoff, batchSize),
                log);
        if (deleted > 0) {
            log.info("Deleted {} outbox dead letters older than {}", deleted, properties.retention());
        }
        return deleted;
    }
}
