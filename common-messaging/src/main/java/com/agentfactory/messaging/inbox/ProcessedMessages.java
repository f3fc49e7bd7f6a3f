package com.agentfactory.messaging.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotent-consumer record: a message id is claimed in the same transaction as its effect, so a
 * redelivered message finds its claim and its effect is not repeated.
 */
public class ProcessedMessages {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessedMessages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the message for this consumer. Returns false when it was handled before. Must run inside
     * the transaction that applies the effect; concurrent claims of the same id serialise on the key.
     */
    public boolean claim(UUID messageId, String consumer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a message must be claimed inside the transaction of its effect");
        }
        int inserted = jdbc.update(
                "INSERT INTO processed_messages (message_id, consumer) VALUES (?, ?) ON CONFLICT DO NOTHING",
                messageId,
                consumer);
        return inserted == 1;
    }

    /**
     * Claims a batch of messages in one statement; returns the ids claimed now (those not handled before). Same
     * rules as {@link #claim}: inside the transaction of the effects.
     */
    public Set<UUID> claimAll(Collection<UUID> messageIds, String consumer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("messages must be claimed inside the transaction of their effects");
        }
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "INSERT INTO processed_messages (message_id, consumer) SELECT DISTINCT id, ? FROM unnest(?::uuid[]) AS id"
                        + " ON CONFLICT DO NOTHING RETURNING message_id",
                UUID.class,
                consumer,
                messageIds.toArray(UUID[]::new)));
    }

    /** A cheap pre-check outside any transaction; the claim stays the authority. */
    public boolean isProcessed(UUID messageId, String consumer) {
        Boolean exists = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM processed_messages WHERE message_id = ? AND consumer = ?)",
                Boolean.class,
                messageId,
                consumer);
        return Boolean.TRUE.equals(exists);
    }

    /**
     * Forgets at most {@code batchSize} of the claims older than the retention, oldest first; redeliveries never come
     * that late. Returns how many it forgot. Claims another instance of the service is deleting are skipped.
     */
    int purgeBatchOlderThan(Duration retention, int batchSize) {
        // one statement per batch: after a long stop a single DELETE of every old claim held millions of rows in one
        // transaction
        return jdbc.update(
                "DELETE FROM processed_messages WHERE (message_id, consumer) IN (SELECT message_id, consumer"
                        + " FROM processed_messages WHERE processed_at < ? ORDER BY processed_at LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED)",
                Timestamp.from(clock.instant().minus(retention)),
                batchSize);
    }
}
