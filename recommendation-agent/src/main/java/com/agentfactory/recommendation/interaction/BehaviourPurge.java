package com.agentfactory.recommendation.interaction;

import com.agentfactory.messaging.purge.BatchedPurge;
import com.agentfactory.messaging.purge.ScheduledPurge;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the views and cart additions older than the models' horizon (see {@link InteractionProperties}): nothing
 * learns from them any more, and a customer's views would otherwise pile up for ever. Purchases stay, as the lists
 * leave out what a customer bought however long ago.
 *
 * <p>Safe on every instance: each batch skips the rows another instance is deleting or an erasure holds.
 */
@Component
class BehaviourPurge extends ScheduledPurge {

    private static final Logger log = LoggerFactory.getLogger(BehaviourPurge.class);

    private final InteractionRepository interactions;
    private final InteractionProperties properties;
    private final Clock clock;

    BehaviourPurge(InteractionRepository interactions, InteractionProperties properties, Clock clock) {
        super("interaction-behaviour-purge", properties.purgeInterval());
        this.interactions = interactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass (see {@link BatchedPurge}); returns how many views and cart additions it deleted. */
    @Override
    protected int purge() {
        Instant horizon = properties.horizon(clock.instant());
        int batchSize = properties.purgeBatchSize();
        int deleted = BatchedPurge.pass(
                "Views and cart additions older than " + horizon,
                batchSize,
                () -> interactions.forgetBehaviourBefore(horizon, batchSize),
                log);
        if (deleted > 0) {
            log.info("Deleted {} views and cart additions older than {}", deleted, horizon);
        }
        return deleted;
    }
}
