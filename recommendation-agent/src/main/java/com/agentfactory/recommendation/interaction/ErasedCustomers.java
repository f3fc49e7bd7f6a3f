package com.agentfactory.recommendation.interaction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The customers erased here. Their events still queued when the erasure ran, or replayed after it, are read
 * afterwards: recorded, they would bring back the interactions, cart and country the erasure deleted, and the models
 * trained on them would no longer be known to hold an erased customer. Kept for good, as a replay can come at any time.
 */
@Repository
public class ErasedCustomers {

    private final JdbcTemplate jdbc;

    ErasedCustomers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the customer erased, holding the customer's lock to the end of the caller's transaction, which then deletes
     * the customer's data: an event of theirs recorded meanwhile committed before it and is deleted with the rest, or
     * waits for it and then finds the customer erased.
     */
    public void markErased(UUID customerId, Instant at) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                lockKey(customerId));
        jdbc.update(
                "INSERT INTO erased_customers (customer_id, erased_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                customerId,
                Timestamp.from(at));
    }

    /**
     * Whether the customer was erased. Holds the customer's lock, shared with their other events, to the end of the
     * caller's transaction, so an erasure cannot run between this answer and what the caller records on it.
     */
    boolean isErased(UUID customerId) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                lockKey(customerId));
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM erased_customers WHERE customer_id = ?)", Boolean.class, customerId));
    }

    private static String lockKey(UUID customerId) {
        return "recommendation.customer:" + customerId;
    }
}
