package com.agentfactory.ad.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.LockWaits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * During a rolling deploy, instances of a previous version lock a customer under {@code "ad customer <id>"} or
 * {@code "ad.customer:<id>"}: this version's erasure and wins must take both, or an old instance records a win for a
 * customer a new one is erasing.
 */
class ErasureLockKeyIT extends AdIntegrationTest {

    @Autowired
    ErasedCustomers erasedCustomers;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Environment environment;

    @ParameterizedTest
    @ValueSource(strings = {"ad customer ", "ad.customer:"})
    void anErasureWaitsForAWinAnInstanceOfAPreviousVersionIsRecording(String previousKey) throws Exception {
        UUID customer = UUID.randomUUID();

        boolean waited = waitsWhileHeld("pg_advisory_xact_lock_shared", previousKey + customer, () -> {
            erasedCustomers.erase(customer);
            return null;
        });

        Boolean erased =
                new TransactionTemplate(transactionManager).execute(status -> erasedCustomers.isErased(customer));
        assertThat(waited).isTrue();
        assertThat(erased).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ad customer ", "ad.customer:"})
    void aWinWaitsForAnErasureAnInstanceOfAPreviousVersionIsMaking(String previousKey) throws Exception {
        UUID customer = UUID.randomUUID();

        boolean waited = waitsWhileHeld(
                "pg_advisory_xact_lock", previousKey + customer, () -> erasedCustomers.isErased(customer));

        assertThat(waited).isTrue();
    }

    /**
     * Holds {@code key} with the lock function on a connection of its own, as the other instance's transaction does,
     * runs the call in a transaction and tells whether it waited for that lock; lets it go on then.
     */
    private boolean waitsWhileHeld(String lockFunction, String key, Callable<?> call) throws Exception {
        try (Connection previousVersion = LockWaits.secondConnection(environment);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try (PreparedStatement lock =
                    previousVersion.prepareStatement("SELECT " + lockFunction + "(hashtextextended(?, 0))")) {
                lock.setString(1, key);
                lock.execute();
            }
            int holder = LockWaits.backendPid(previousVersion);
            Future<?> result = threads.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
                try {
                    return call.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            await("the call waiting for the other instance's lock, or done")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> result.isDone() || LockWaits.isSessionBlockedBy(jdbc, holder));
            boolean waited = !result.isDone();
            previousVersion.rollback();
            result.get(60, TimeUnit.SECONDS);
            return waited;
        }
    }
}
