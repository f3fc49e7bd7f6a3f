package com.agentfactory.messaging.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A service's record of the customers it erased (its schema's {@code erased_customers}), ordered against what the
 * service records under a customer's id by a transaction-scoped advisory lock on the customer: the erasure holds it
 * exclusively, a writer shared, each to the end of its transaction. A write during the erasure waits for it and then
 * finds the customer erased; one that committed before it is caught by the erasure with the rest. An advisory lock,
 * not a row lock, because a customer the service has never seen has no row to lock.
 */
public final class ErasedCustomerRecord {

    private final JdbcOperations jdbc;
    private final String service;

    /** {@code service} names the lock keys apart from other services' sharing the database. */
    public ErasedCustomerRecord(JdbcOperations jdbc, String service) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.service = Objects.requireNonNull(service);
    }

    /** Marks the customer erased under their exclusive lock; the caller's transaction then removes what they left. */
    public void markErased(UUID customerId, Instant at) {
        lock("pg_advisory_xact_lock", customerId);
        jdbc.update(
                "INSERT INTO erased_customers (customer_id, erased_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                customerId,
                Timestamp.from(at));
    }

    /**
     * Whether the customer was erased, read under their shared lock, so that no erasure of theirs runs between this
     * answer and the commit of what the caller records on it.
     */
    public boolean isErased(UUID customerId) {
        lock("pg_advisory_xact_lock_shared", customerId);
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM erased_customers WHERE customer_id = ?)", Boolean.class, customerId));
    }

    private void lock(String function, UUID customerId) {
        jdbc.query(
                "SELECT " + function + "(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                service + ".customer:" + customerId);
    }
}
