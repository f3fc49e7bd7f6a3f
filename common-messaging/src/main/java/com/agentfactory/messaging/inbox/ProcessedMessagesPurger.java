package com.agentfactory.messaging.inbox;

import com.agentfactory.messaging.purge.ScheduledPurge;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the processed-messages table bounded: claims older than the configured retention are dropped every hour. */
public class ProcessedMessagesPurger extends ScheduledPurge {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMessagesPurger.class);
    private final ProcessedMessages processed;
    private final Duration retention;

    public ProcessedMessagesPurger(ProcessedMessages processed, InboxProperties properties) {
        super("processed-messages-purge", Duration.ofHours(1));
        this.processed = processed;
        this.retention = properties.retention();
    }

    @Override
    protected int purge() {
        int removed = processed.purgeOlderThan(retention);
        if (removed > 0) {
            log.info("Purged {} processed-message claims older than {}", removed, retention);
        }
        return removed;
    }
}
