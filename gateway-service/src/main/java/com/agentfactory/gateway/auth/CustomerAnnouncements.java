package com.agentfactory.gateway.auth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outbox of sign-ups still to be announced to the shop as customer records. */
@Repository
class CustomerAnnouncements {

    private static final int MAX_ERROR_LENGTH = 1_000;

    private final JdbcTemplate jdbc;

    CustomerAnnouncements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID customerId, String email, Instant at) {
        jdbc.update(
                "INSERT INTO customer_announcements (event_id, customer_id, email, occurred_at, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                customerId,
                email,
                Timestamp.from(at),
                Timestamp.from(at));
    }

    /**
     * Takes the due announcements for a lease: another gateway instance skips them until the lease ends, and they
     * come due again by themselves if this one dies before relaying them.
     */
    List<CustomerAnnouncement> claimDue(Instant now, int limit, Duration lease) {
        return jdbc.query(
                """
                UPDATE customer_announcements SET attempts = attempts + 1, next_attempt_at = ?
                WHERE event_id IN (SELECT event_id FROM customer_announcements
                                   WHERE announced_at IS NULL AND next_attempt_at <= ?
                                   ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING event_id, customer_id, email, occurred_at, attempts
                """,
                (rs, row) -> new CustomerAnnouncement(
                        rs.getObject("event_id", UUID.class),
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("email"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getInt("attempts")),
                Timestamp.from(now.plus(lease)),
                Timestamp.from(now),
                limit);
    }

    void announced(UUID eventId, Instant at) {
        jdbc.update(
                "UPDATE customer_announcements SET announced_at = ?, last_error = NULL WHERE event_id = ?",
                Timestamp.from(at),
                eventId);
    }

    void retryAt(UUID eventId, Instant at, String error) {
        String bounded = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.update(
                "UPDATE customer_announcements SET next_attempt_at = ?, last_error = ? WHERE event_id = ?",
                Timestamp.from(at),
                bounded,
                eventId);
    }

    record CustomerAnnouncement(UUID eventId, UUID customerId, String email, Instant occurredAt, int attempts) {}
}
