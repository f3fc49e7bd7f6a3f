package com.agentfactory.messaging.testing;

import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's erasure in one transaction, as the privacy listener runs it, done with every statement but not yet
 * committed: a change that comes now meets the erasure's locks, and the test lets the erasure commit once that change
 * waits for one of them (or got through without waiting).
 */
public final class ErasureUnderWay implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch erased = new CountDownLatch(1);
    private final CountDownLatch commit = new CountDownLatch(1);
    private final AtomicInteger backend = new AtomicInteger();
    private final Future<?> erasure;

    private ErasureUnderWay(
            PersonalDataHolder personalData,
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            UUID customer) {
        this.jdbc = jdbc;
        this.erasure =
                executor.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
                    backend.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
                    personalData.erase(customer);
                    erased.countDown();
                    try {
                        if (!commit.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never let the erasure commit");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }));
    }

    /** Starts erasing the customer and returns once the erasure has done everything but commit. */
    public static ErasureUnderWay start(
            PersonalDataHolder personalData,
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            UUID customer)
            throws Exception {
        ErasureUnderWay under = new ErasureUnderWay(personalData, transactionManager, jdbc, customer);
        if (!under.erased.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            under.erasure.get(1, TimeUnit.SECONDS); // its failure says why
            throw new IllegalStateException("the erasure did not get through its statements");
        }
        return under;
    }

    /**
     * Runs the call while the customer's erasure is under way, lets the erasure commit once the call waits for one of
     * its locks (or is done), and returns what the call returned.
     */
    public static <T> T whileErasing(
            PersonalDataHolder personalData,
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            UUID customer,
            Callable<T> call)
            throws Exception {
        try (ErasureUnderWay erasure = start(personalData, transactionManager, jdbc, customer);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<T> result = callers.submit(call);
            erasure.awaitHeldUp(result);
            erasure.commit();
            return result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** As {@link #whileErasing(PersonalDataHolder, PlatformTransactionManager, JdbcTemplate, UUID, Callable)}. */
    public static void whileErasing(
            PersonalDataHolder personalData,
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            UUID customer,
            Runnable call)
            throws Exception {
        whileErasing(personalData, transactionManager, jdbc, customer, Executors.callable(call));
    }

    /**
     * Waits until the call waits for a lock the erasure holds, or is done: one that got through without waiting then
     * fails on what it left, which says more than a timeout here would.
     */
    public void awaitHeldUp(Future<?> call) {
        await("a call waiting for a lock of the erasure, or done")
                .atMost(PATIENCE)
                .until(() -> call.isDone() || LockWaits.isSessionBlockedBy(jdbc, backend.get()));
    }

    /** Lets the erasure commit and waits until it has. */
    public void commit() throws Exception {
        commit.countDown();
        erasure.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        commit.countDown();
        executor.close();
    }
}
