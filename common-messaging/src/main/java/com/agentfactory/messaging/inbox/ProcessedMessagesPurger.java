package com.agentfactory.messaging.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Keeps the processed-messages table bounded: claims older than the configured retention are dropped every hour. */
public class ProcessedMessagesPurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMessagesPurger.class);
    private final ProcessedMessages processed;
    private final Duration retention;
    private ScheduledExecutorService scheduler;

    public ProcessedMessagesPurger(ProcessedMessages processed, InboxProperties properties) {
        this.processed = processed;
        this.retention = properties.retention();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("processed-messages-purge")
                .daemon(true)
                .factory());
        scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int removed = processed.purgeOlderThan(retention);
            if (removed > 0) {
                log.info("Purged {} processed-message claims older than {}", removed, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Purging processed-message claims failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
