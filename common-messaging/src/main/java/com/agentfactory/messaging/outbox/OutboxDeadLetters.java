package com.agentfactory.messaging.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows the relay moved to {@code outbox_dead_letters} (see {@link OutboxRelay}). Each keeps its whole message, a
 * task's input, a commerce event or a privacy report, so none may stay for good: they are forgotten after a retention
 * ({@link OutboxDeadLetterPurger}), and those naming a customer go with the customer's erasure.
 */
public class OutboxDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDeadLetters.class);

    private final JdbcTemplate jdbc;

    public OutboxDeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes at most {@code batchSize} rows moved aside before {@code cutoff}; returns how many it deleted. */
    int purgeBatch(Instant cutoff, int batchSize) {
        // SKIP LOCKED: every instance of a service purges the same table, and an erasure may hold some of its rows
        return jdbc.update(
                "DELETE FROM outbox_dead_letters WHERE id IN (SELECT id FROM outbox_dead_letters"
                        + " WHERE dead_lettered_at < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)",
                Timestamp.from(cutoff),
                batchSize);
    }

    /**
     * Deletes every dead letter whose key or payload names the id, in the caller's transaction; returns how many. A
     * payload is an envelope's JSON, where an id is written as its text, in lower case unless someone typed it
     * otherwise: the search ignores case.
     */
    public long deleteNaming(UUID id) {
        String text = id.toString().toLowerCase(Locale.ROOT);
        // each deleted message is logged by its id and topic (not its content): an operator who meant to send one again
        // after mending its cause learns it is gone with the customer's data, and which topic missed it
        List<String> deleted = jdbc.query(
                "DELETE FROM outbox_dead_letters WHERE strpos(lower(payload), ?) > 0"
                        + " OR strpos(lower(coalesce(message_key, '')), ?) > 0 RETURNING message_id, topic",
                (row, n) -> row.getString("message_id") + " for topic " + row.getString("topic"),
                text,
                text);
        deleted.forEach(message -> LOG.warn("Dead letter {} deleted with an erased customer's personal data", message));
        return deleted.size();
    }
}
