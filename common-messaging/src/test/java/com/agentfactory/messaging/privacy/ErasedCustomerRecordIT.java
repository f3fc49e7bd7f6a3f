package com.agentfactory.messaging.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import com.agentfactory.messaging.testing.LockWaits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A record locks a customer under the key its service locked them under before: an instance of the previous version,
 * still running during a rolling deploy, holds that key, and an erasure or a write on another key would not wait for it.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@UsesLocalInfrastructure
class ErasedCustomerRecordIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Environment environment;

    @Autowired
    Clock clock;

    @Test
    void anErasureWaitsForAWriteHoldingTheCustomerUnderTheKeyPrefixGiven() throws Exception {
        UUID customer = UUID.randomUUID();
        ErasedCustomerRecord record = ErasedCustomerRecord.lockingUnder(jdbc, "ad customer ");

        boolean waited = waitsWhileHeld("pg_advisory_xact_lock_shared", "ad customer " + customer, () -> {
            record.markErased(customer, clock.instant());
            return true;
        });

        Boolean erased = transactions.execute(status -> record.isErased(customer));
        assertThat(waited).isTrue();
        assertThat(erased).isTrue();
    }

    @Test
    void aWriteWaitsForAnErasureHoldingTheCustomerUnderTheRecommendationAgentsKey() throws Exception {
        UUID customer = UUID.randomUUID();
        ErasedCustomerRecord record = new ErasedCustomerRecord(jdbc, "recommendation");

        assertThat(waitsWhileHeld(
                        "pg_advisory_xact_lock",
                        "recommendation.customer:" + customer,
                        () -> record.isErased(customer)))
                .isTrue();
    }

    @Test
    void aWriteWaitsForAnErasureHoldingTheCustomerUnderTheSupportAgentsKey() throws Exception {
        UUID customer = UUID.randomUUID();
        ErasedCustomerRecord record = new ErasedCustomerRecord(jdbc, "support");

        assertThat(waitsWhileHeld(
                        "pg_advisory_xact_lock", "support.customer:" + customer, () -> record.isErased(customer)))
                .isTrue();
    }

    /**
     * Holds {@code key} with the lock function on a connection of its own, as another instance does mid-transaction,
     * runs the call in a transaction and tells whether the call waited for that lock; lets it go on then.
     */
    private boolean waitsWhileHeld(String lockFunction, String key, Callable<?> call) throws Exception {
        try (Connection other = LockWaits.secondConnection(environment);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT " + lockFunction + "(hashtextextended(?, 0))")) {
                lock.setString(1, key);
                lock.execute();
            }
            int holder = LockWaits.backendPid(other);
            Future<?> result = threads.submit(() -> transactions.execute(status -> {
                try {
                    return call.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            await("the call waiting for the lock, or done")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> result.isDone() || LockWaits.isSessionBlockedBy(jdbc, holder));
            boolean waited = !result.isDone();
            other.rollback();
            result.get(60, TimeUnit.SECONDS);
            return waited;
        }
    }
}
