package com.agentfactory.messaging.inbox;

import com.agentfactory.messaging.purge.BatchedPurge;
import com.agentfactory.messaging.purge.ScheduledPurge;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the processed-messages table bounded: claims older than the configured retention are dropped every purge
 * interval, in batches (see {@link InboxProperties}).
 */
public class ProcessedMessagesPurger extends ScheduledPurge {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMessagesPurger.class);
    private final ProcessedMessages processed;
    private final Duration retention;
    private final int batchSize;

    public ProcessedMessagesPurger(ProcessedMessages processed, InboxProperties properties) {
        super("processed-messages-purge", properties.purgeInterval());
        this.processed = processed;
        this.retention = properties.retention();
        this.batchSize = properties.purgeBatchSize();
    }

    /** One pass (see {@link BatchedPurge}); returns how many claims it deleted. */
    @Override
    protected int purge() {
        int removed = BatchedPurge.pass(
                "Processed-message claims older than " + retention,
                batchSize,
                () -> processed.purgeBatchOlderThan(retention, batchSize),
                log);
        if (removed > 0) {
            log.info("Purged {} processed-message claims older than {}", removed, retention);
        }
        return removed;
    }
}
