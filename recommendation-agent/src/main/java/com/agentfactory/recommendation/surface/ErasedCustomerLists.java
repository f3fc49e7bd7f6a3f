package com.agentfactory.recommendation.surface;

import com.agentfactory.recommendation.privacy.CustomerErased;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the cached lists of erased customers, which show what they bought and left in their cart, without making the
 * erasure depend on Redis: an erasure failed for Redis would be reported failed once the privacy listener's retries
 * ran out (or, Redis unreachable, hold up every privacy request behind it), and the customer would have to ask again.
 *
 * <p>The erasure records in its transaction that the customer's lists are to be dropped; right after it commits they
 * are, and the record goes. When Redis fails then, a sweep on every instance drops them again every {@code
 * erased-lists.sweep-interval} until it answers. Until the record goes the customer's lists are neither served from
 * the cache nor stored: they are computed from the data the erasure left, which holds nothing of the customer.
 *
 * <p>Remaining window: which customers are still to be dropped is held in memory and read again at most every sweep
 * interval while lists are served, so serving a cached list costs no query. The instance that ran the erasure knows
 * at once (unless a reading of the set it began before the commit replaces what it was told); another one only at its
 * next reading. For up to a sweep interval after the erasure commits, an instance that Redis answers may therefore
 * still serve the customer's cached lists when Redis failed the erasure's drop (a network split, a Redis restarted
 * with its data). With Redis away for every instance nothing is served from it anyway.
 */
@Component
class ErasedCustomerLists implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ErasedCustomerLists.class);

    private final ErasedListClears clears;
    private final RecommendationCache cache;
    private final RecommendationProperties serving;
    private final ErasedListsProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final RefreshedIdSet toDrop;

    ErasedCustomerLists(
            ErasedListClears clears,
            RecommendationCache cache,
            RecommendationProperties serving,
            ErasedListsProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.clears = clears;
        this.cache = cache;
        this.serving = serving;
        this.properties = properties;
        // after an erasure's commit its connection is still bound to the thread, and would commit nothing more
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.toDrop = new RefreshedIdSet(clears::all, properties.sweepInterval(), clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    // in the erasure's transaction: the record commits with the erasure or not at all. Known here before the commit, so
    // this instance serves no cached list of the customer from then on (a rolled-back erasure only costs a recompute
    // until the next reading).
    @EventListener
    void onCustomerErased(CustomerErased event) {
        clears.add(event.customerId(), clock.instant());
        toDrop.add(event.customerId());
    }

    // after the commit, so a list computed from the data before the erasure and stored meanwhile goes too; the
    // generation the drop advances keeps one still being computed out
    // (also added here: a reading of the set begun before the commit may have replaced the one it was added to)
    @TransactionalEventListener(fallbackExecution = true)
    void afterErasure(CustomerErased event) {
        UUID customerId = event.customerId();
        toDrop.add(customerId);
        try {
            ownTransaction.executeWithoutResult(status -> {
                // not to be had when the sweep is dropping them now
                if (clears.lock(customerId)) {
                    dropLocked(customerId);
                }
            });
        } catch (RuntimeException e) {
            // the erasure has committed and must not fail now: its record stays for the sweep
            log.warn(
                    "Dropping an erased customer's cached lists failed: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Whether the customer's lists may be served from the cache and stored in it: not while still to be dropped. */
    boolean cacheable(UUID customerId) {
        return !toDrop.current().contains(customerId);
    }

    /**
     * Drops the lists of the customers still to be dropped, a batch per transaction, until Redis fails or none are
     * left that no other instance is dropping; returns how many customers' lists were dropped.
     */
    int sweep() {
        int total = 0;
        while (true) {
            Batch batch = ownTransaction.execute(status -> {
                List<UUID> locked = clears.lockOldest(properties.batchSize());
                int dropped = 0;
                for (UUID customerId : locked) {
                    if (!dropLocked(customerId)) {
                        return new Batch(dropped, true);
                    }
                    dropped++;
                }
                return new Batch(dropped, locked.size() < properties.batchSize());
            });
            if (batch == null) {
                break;
            }
            total += batch.dropped();
            if (batch.last()) {
                break;
            }
        }
        if (total > 0) {
            log.info(
                    "Dropped the cached lists of {} erased customer(s) that could not be dropped at their erasure",
                    total);
        }
        return total;
    }

    /** Drops the lists of a customer whose record the caller's transaction holds, and the record with them. */
    private boolean dropLocked(UUID customerId) {
        try {
            cache.clearOrFail(RecommendationCache.userKey(customerId), serving.cacheTtl());
        } catch (RuntimeException e) {
            // the message may name the key, and with it the customer
            log.warn(
                    "Dropping an erased customer's cached lists failed: {}",
                    e.getClass().getSimpleName());
            return false;
        }
        clears.remove(customerId);
        toDrop.remove(customerId);
        return true;
    }

    private record Batch(int dropped, boolean last) {}
}
