package com.agentfactory.recommendation.surface;

import com.agentfactory.recommendation.privacy.CustomerErased;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
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
 * <p>Which customers are still to be dropped is held in memory, so serving a cached list costs no query. The erasure's
 * transaction also sends a PostgreSQL notification, delivered to every instance when it commits: the instance that
 * ran the erasure knows before the commit, every other one within milliseconds of it, whether Redis answered the
 * erasure's drop or not. The set is read again when an instance starts listening and at most every sweep interval
 * while lists are served. An instance that is not listening (its notification connection lost, until it has listened
 * again and read the set anew) serves no customer's list from the cache, as it could not know of an erasure.
 *
 * <p>What is left: a request that reached another instance in the milliseconds between the commit and the
 * notification's arrival may still be served the lists, as may one in the seconds a notification connection takes to
 * be known silent (a heartbeat and a socket timeout), though never for longer than a sweep interval. Closing that
 * entirely would take a query of the database on every cached list.
 */
@Component
class ErasedCustomerLists implements SchedulingConfigurer, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ErasedCustomerLists.class);

    private final ErasedListClears clears;
    private final RecommendationCache cache;
    private final RecommendationProperties serving;
    private final ErasedListsProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final RefreshedIdSet toDrop;
    private final NotificationListener erasures;

    ErasedCustomerLists(
            ErasedListClears clears,
            RecommendationCache cache,
            RecommendationProperties serving,
            ErasedListsProperties properties,
            PlatformTransactionManager transactions,
            JdbcConnectionDetails database,
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
        this.erasures =
                new NotificationListener(ErasedListClears.CHANNEL, database, this::erasedElsewhere, toDrop::readNow);
    }

    @Override
    public void start() {
        erasures.start();
    }

    @Override
    public void stop() {
        erasures.stop();
    }

    @Override
    public boolean isRunning() {
        return erasures.isRunning();
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
        clears.announce(event.customerId());
        toDrop.add(event.customerId());
    }

    // any instance's erasure, this one's included, once it has committed
    private void erasedElsewhere(String customerId) {
        try {
            toDrop.add(UUID.fromString(customerId));
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a notification of an erasure that names no customer id");
        }
    }

    // after the commit, so a list computed from the data before the erasure and stored meanwhile goes too; the
    // new generation the drop gives the hash keeps one still being computed out
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

    /**
     * Whether the customer's lists may be served from the cache and stored in it: not while still to be dropped, and
     * no customer's while this instance could miss an erasure's notification.
     */
    boolean cacheable(UUID customerId) {
        return erasures.listening() && !toDrop.current().contains(customerId);
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
