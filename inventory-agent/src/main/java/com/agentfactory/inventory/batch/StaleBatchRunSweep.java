package com.agentfactory.inventory.batch;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives up daily runs still marked running that have shown no sign of work for long: a run whose instance died, or
 * whose failure could not be recorded (the database gone at that moment), would otherwise read as running for good,
 * and keep every later run from starting. A run beats as its steps progress, so one at work on any instance, however
 * long it has been running, is left alone. A run given up ends as failed, interrupted; its steps committed one by
 * one, so the next run redoes what it left.
 */
@Component
class StaleBatchRunSweep {

    private static final Logger log = LoggerFactory.getLogger(StaleBatchRunSweep.class);

    private final BatchRunRepository runs;
    private final BatchProperties properties;
    private final Clock clock;

    StaleBatchRunSweep(BatchRunRepository runs, BatchProperties properties, Clock clock) {
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    // at start-up too: an instance restarted after a crash need not wait a whole interval to clear its run
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        sweep();
    }

    @Scheduled(
            initialDelayString = "${agentfactory.inventory.batch.sweep-interval:10m}",
            fixedDelayString = "${agentfactory.inventory.batch.sweep-interval:10m}")
    void scheduled() {
        sweep();
    }

    // a sweep that fails is tried again at the next interval; it must not stop the service starting
    private void sweep() {
        try {
            interruptStale();
        } catch (RuntimeException e) {
            log.warn("Giving up stale daily runs failed: {}", e.getMessage());
        }
    }

    /** Returns how many runs were given up. */
    int interruptStale() {
        Instant now = clock.instant();
        int interrupted = runs.interruptRunningSilentSince(
                now.minus(properties.silentAfter()),
                "interrupted: no heartbeat for " + properties.silentAfter() + " while running",
                now);
        if (interrupted > 0) {
            log.warn("Gave up {} daily run(s) without a heartbeat for {}", interrupted, properties.silentAfter());
        }
        return interrupted;
    }
}
