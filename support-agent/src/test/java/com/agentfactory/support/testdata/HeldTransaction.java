package com.agentfactory.support.testdata;

import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.testing.LockWaits;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that has done its work and holds its locks, not yet committed, while other work starts on another
 * thread and comes to one of them: the transaction commits once that work waits for it, or got through without
 * waiting (which then fails on what it left, saying more than a timeout here would).
 */
public final class HeldTransaction {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public HeldTransaction(TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code holding} in a transaction, then {@code meanwhile} on another thread, and lets the transaction commit
     * once {@code meanwhile} waits for one of its locks or is done. What {@code meanwhile} returned, once it is done.
     */
    public <T> T whileHolding(Runnable holding, Supplier<T> meanwhile) {
        AtomicReference<CompletableFuture<T>> started = new AtomicReference<>();
        transactions.executeWithoutResult(status -> {
            holding.run();
            int holder = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
            started.set(CompletableFuture.supplyAsync(meanwhile));
            // asked from another connection (Awaitility's thread), as this transaction would go on seeing its first
            // look at the other sessions
            await("work waiting for a lock of the held transaction, or done")
                    .atMost(PATIENCE)
                    .until(() -> started.get().isDone() || LockWaits.isSessionBlockedBy(jdbc, holder));
        });
        return started.get().orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** As {@link #whileHolding(Runnable, Supplier)}, for work that returns nothing; returns once it is done. */
    public void whileHolding(Runnable holding, Runnable meanwhile) {
        whileHolding(holding, () -> {
            meanwhile.run();
            return null;
        });
    }
}
