package com.agentfactory.support.order;

import com.agentfactory.messaging.purge.BatchedPurge;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Forgets the cancellations kept for an order that never arrived: one of an order support never sees, of another
 * shop's order or from a bad event would otherwise be kept for ever, and the table would grow without bound. Once
 * forgotten, a cancellation is no longer applied should its order turn up after all.
 *
 * <p>Safe on every instance: each batch skips the rows another instance is deleting or an arriving order is applying.
 */
@Component
class PendingCancellationPurge implements SchedulingConfigurer {

    static final String PURGED = "support.orders.pending_cancellations.purged";

    private static final Logger log = LoggerFactory.getLogger(PendingCancellationPurge.class);

    private final OrderBook orders;
    private final PendingCancellationProperties properties;
    private final Clock clock;
    private final Counter purged;

    PendingCancellationPurge(
            OrderBook orders, PendingCancellationProperties properties, Clock clock, MeterRegistry registry) {
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
        this.purged = Counter.builder(PURGED)
                .description("Cancellations read before their order, forgotten because the order never arrived")
                .register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purge, properties.sweepInterval());
    }

    /**
     * Forgets cancellations kept longer than the retention, in batches (see {@link BatchedPurge}: a pass stops after a
     * few, so a table grown for months does not hold back the hand-over of unanswered messages on the shared thread).
     */
    void purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int total = BatchedPurge.pass(
                "Pending order cancellations",
                properties.batchSize(),
                () -> {
                    int deleted = orders.forgetPendingCancellationsReceivedBefore(cutoff, properties.batchSize());
                    purged.increment(deleted);
                    return deleted;
                },
                log);
        if (total > 0) {
            log.info("Forgot {} cancellation(s) kept since before {} for an order that never arrived", total, cutoff);
        }
    }
}
