package com.agentfactory.messaging.outbox;

import com.agentfactory.messaging.purge.BatchedPurge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes the outbox's dead letters kept longer than their retention (see {@link OutboxDeadLetterProperties}). */
public class OutboxDeadLetterPurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDeadLetterPurger.class);

    private final OutboxDeadLetters deadLetters;
    private final OutboxDeadLetterProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public OutboxDeadLetterPurger(OutboxDeadLetters deadLetters, OutboxDeadLetterProperties properties, Clock clock) {
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass (see {@link BatchedPurge}); returns how many dead letters it deleted. */
    int purge() {
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

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("outbox-dead-letter-purge")
                .daemon(true)
                .factory());
        Duration interval = properties.purgeInterval();
        // a minute after the start rather than a whole interval: a service redeployed more often than that would
        // otherwise never purge
        long first = Math.min(Duration.ofMinutes(1).toMillis(), interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::purge, first, interval.toMillis(), TimeUnit.MILLISECONDS);
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
