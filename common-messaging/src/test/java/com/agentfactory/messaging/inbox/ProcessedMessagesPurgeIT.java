package com.agentfactory.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import com.agentfactory.messaging.testing.LockWaits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Claims are kept for the retention (30 days), then deleted in short batches that step around locked rows. */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@UsesLocalInfrastructure
class ProcessedMessagesPurgeIT {

    private final String consumer = "purge-test-" + UUID.randomUUID();

    @Autowired
    ProcessedMessagesPurger purger;

    @Autowired
    ProcessedMessages processed;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Environment environment;

    @Test
    void deletesClaimsOlderThanTheRetentionAndKeepsTheYoungerOnes() {
        UUID expired = claim(Duration.ofDays(31));
        UUID young = claim(Duration.ofDays(29));

        int deleted = purger.purge();

        assertThat(isKept(expired)).isFalse();
        assertThat(isKept(young)).isTrue();
        assertThat(deleted).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPassDeletesTheExpiredClaimsInBatchesOfTheConfiguredSize() {
        UUID[] expired = new UUID[5];
        for (int i = 0; i < expired.length; i++) {
            expired[i] = claim(Duration.ofDays(40));
        }
        ProcessedMessagesPurger inTwos = new ProcessedMessagesPurger(
                processed, new InboxProperties(Duration.ofDays(30), Duration.ofHours(1), 2));

        int forgotten = processed.purgeBatchOlderThan(Duration.ofDays(30), 2);
        inTwos.purge();

        assertThat(forgotten).isEqualTo(2);
        assertThat(expired).noneMatch(this::isKept);
    }

    @Test
    void skipsAClaimAnotherTransactionHoldsInsteadOfWaitingForIt() throws Exception {
        UUID held = claim(Duration.ofDays(31));
        UUID free = claim(Duration.ofDays(31));

        // as another instance's purge holds the rows of its batch
        try (Connection other = LockWaits.secondConnection(environment);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT 1 FROM processed_messages WHERE message_id = ? AND consumer = ? FOR UPDATE")) {
                lock.setObject(1, held);
                lock.setString(2, consumer);
                lock.execute();
            }
            int holder = LockWaits.backendPid(other);
            Future<Integer> pass = threads.submit(purger::purge);
            await("the purge waiting for the held claim, or done")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> pass.isDone() || LockWaits.isSessionBlockedBy(jdbc, holder));
            boolean waited = !pass.isDone();
            other.rollback();
            pass.get(60, TimeUnit.SECONDS);

            assertThat(waited).isFalse();
        }
        assertThat(isKept(free)).isFalse();
        assertThat(isKept(held)).isTrue();
    }

    private UUID claim(Duration age) {
        UUID messageId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO processed_messages (message_id, consumer, processed_at) VALUES (?, ?, ?)",
                messageId,
                consumer,
                Timestamp.from(clock.instant().minus(age)));
        return messageId;
    }

    private boolean isKept(UUID messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM processed_messages WHERE message_id = ? AND consumer = ?)",
                Boolean.class,
                messageId,
                consumer));
    }
}
