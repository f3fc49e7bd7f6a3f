package com.agentfactory.campaign.pacing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** What pacing reads and marks of the sends: what a customer was sent on a channel lately, and what it let go. */
@Repository
class PacingQueries {

    private final JdbcTemplate jdbc;

    PacingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for any other transaction pacing a send to the same customer on the same channel; released at commit.
     * A PostgreSQL advisory lock, because what is locked is a (customer, channel) pair, not a row that exists.
     */
    void lockCustomerChannel(UUID customerId, String channel) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                "send-pacing:" + customerId + ":" + channel);
    }

    /**
     * What counts against the cap besides the send itself: sends delivered in the window, and sends let go in it
     * that are still being delivered (or waiting to be retried).
     */
    List<Instant> countedSince(UUID sendId, UUID customerId, String channel, Instant since) {
        Timestamp from = Timestamp.from(since);
        return jdbc.queryForList("""
                        SELECT coalesce(sent_at, paced_at) AS counted_at FROM sends
                        WHERE customer_id = ? AND channel = ? AND id <> ?
                          AND ((status = 'sent' AND sent_at > ?)
                               OR (status IN ('pending', 'sending') AND paced_at > ?))
                        ORDER BY counted_at
                        """, Timestamp.class, customerId, channel, sendId, from, from).stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    void markPaced(UUID sendId, Instant at) {
        jdbc.update("UPDATE sends SET paced_at = ? WHERE id = ?", Timestamp.from(at), sendId);
    }
}
