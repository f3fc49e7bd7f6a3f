package com.agentfactory.recommendation.interaction;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Forgets the cancellations kept for an order that never arrived: one of a guest's order (never recorded here), of
 * another shop's order or from a bad event would otherwise be kept for ever, and the table would grow without bound.
 * Once forgotten, a cancellation takes nothing back should its order turn up after all.
 *
 * <p>Safe on every instance: each batch skips the rows another instance is deleting or an arriving order is applying.
 */
@Component
class PendingCancellationPurge implements SchedulingConfigurer {

    // the scheduled tasks share one thread: a first pass over a table that grew for months must not hold back the
    // retraining, so a pass stops after this many batches and the next carries on
    static final int MAX_BATCHES_PER_PASS = 20;

    private static final Logger log = LoggerFactory.getLogger(PendingCancellationPurge.class);

    private final InteractionRepository interactions;
    private final PendingCancellationProperties properties;
    private final Clock clock;

    PendingCancellationPurge(
            InteractionRepository interactions, PendingCancellationProperties properties, Clock clock) {
        this.interactions = interactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purge, properties.sweepInterval());
    }

    /** Forgets cancellations kept longer than the retention, a batch per statement; returns how many. */
    int purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int total = 0;
        try {
            int deleted;
            int batches = 0;
            do {
                deleted = interactions.forgetPendingReceivedBefore(cutoff, properties.batchSize());
                total += deleted;
            } while (deleted == properties.batchSize() && ++batches < MAX_BATCHES_PER_PASS);
        } catch (RuntimeException e) {
            // the next pass tries again; the database being unreachable is alerted on by itself
            log.warn("Pending cancellations not purged: {}", e.getMessage());
        }
        if (total > 0) {
            log.info("Forgot {} cancellation(s) kept since before {} for an order that never arrived", total, cutoff);
        }
        return total;
    }
}
