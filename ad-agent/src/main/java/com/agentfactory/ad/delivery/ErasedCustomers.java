package com.agentfactory.ad.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The customers erased here, so that no impression is recorded under their id afterwards: a bid made for them before
 * their erasure may still be won within the win-notice window, and a bid request may name them again later.
 *
 * <p>A customer's erasure holds their lock exclusively, and a win naming them holds it shared, each to the end of its
 * transaction: a win that comes during the erasure waits for it to commit and then finds the customer erased, and one
 * recorded before the erasure took the lock has committed, so the erasure re-keys it with the rest.
 */
@Component
public class ErasedCustomers {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ErasedCustomers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Marks the customer erased under their exclusive lock, held to the end of the caller's transaction; the caller
     * then replaces their id in what they left.
     */
    public void erase(UUID customerId) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                lockKey(customerId));
        jdbc.update(
                "INSERT INTO erased_customers (customer_id, erased_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                customerId,
                Timestamp.from(clock.instant()));
    }

    /**
     * Whether the customer was erased, read under their shared lock, which is held to the end of the caller's
     * transaction so that no erasure of theirs starts before what the caller records under their id has committed.
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
        return "ad customer " + customerId;
    }
}
