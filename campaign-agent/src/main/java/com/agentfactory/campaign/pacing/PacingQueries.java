package com.agentfactory.campaign.pacing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What pacing reads of the sends: what a customer was sent on a channel lately. */
@Repository
class PacingQueries {

    private final JdbcTemplate jdbc;

    PacingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Instant> sentSince(UUID customerId, String channel, Instant since) {
        return jdbc.queryForList("""
                        SELECT sent_at FROM sends
                        WHERE customer_id = ? AND channel = ? AND status = 'sent' AND sent_at > ?
                        ORDER BY sent_at
                        """, Timestamp.class, customerId, channel, Timestamp.from(since)).stream()
                .map(Timestamp::toInstant)
                .toList();
    }
}
