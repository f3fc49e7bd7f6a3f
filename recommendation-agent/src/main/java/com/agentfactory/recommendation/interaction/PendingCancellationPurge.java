package com.agentfactory.recommendation.interaction;

import com.agentfactory.messaging.purge.BatchedPurge;
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

    /** Forgets cancellations kept longer than the retention, in batches (see {@link BatchedPurge}); returns how many. */
    int purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int total = BatchedPurge.pass(
                "Pending cancellations",
                properties.batchSize(),
                () -> interactions.forgetPendingReceivedBefore(cutoff, properties.batchSize()),
                log);
        if (total > 0) {
            log.info("Forgot {} cancellation(s) kept since before {} for an order that never arrived", total, cutoff);
        }
        return total;
    }
}
