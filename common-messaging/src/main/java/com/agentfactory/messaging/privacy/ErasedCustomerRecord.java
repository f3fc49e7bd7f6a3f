package com.agentfactory.messaging.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
 *
 * <p>Every instance of a service must lock the same key, those of the version before included while a rolling deploy
 * runs both: an erasure and a write under different keys no longer wait for each other. A service that locked its
 * customers before it used this class keeps its key with {@link #lockingUnder}.
 */
public final class ErasedCustomerRecord {

    private final JdbcOperations jdbc;
    private final List<String> lockKeyPrefixes;

    /**
     * Locks a customer under {@code <service>.customer:<id>}, the key the recommendation and support agents have locked
     * from the start; {@code service} names the keys apart from other services' sharing the database.
     */
    public ErasedCustomerRecord(JdbcOperations jdbc, String service) {
        this(List.of(Objects.requireNonNull(service) + ".customer:"), jdbc);
    }

    private ErasedCustomerRecord(List<String> lockKeyPrefixes, JdbcOperations jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.lockKeyPrefixes = lockKeyPrefixes;
    }

    /**
     * Locks a customer under each of {@code lockKeyPrefixes} followed by their id, in the order given: for a service
     * whose released versions locked their customers under different keys (the ad agent's {@code "ad customer "}, then
     * {@code "ad.customer:"}), so that an instance of either, still running during a rolling deploy, waits for this
     * one's erasure and this one for its writes. Every instance of this version takes them in the same order, and an
     * older one holds only one of them, so no two wait on each other in a circle.
     */
    public static ErasedCustomerRecord lockingUnder(JdbcOperations jdbc, String... lockKeyPrefixes) {
        if (lockKeyPrefixes.length == 0) {
            throw new IllegalArgumentException("at least one lock key prefix is needed");
        }
        for (String prefix : lockKeyPrefixes) {
            if (Objects.requireNonNull(prefix).isBlank()) {
                throw new IllegalArgumentException("a lock key prefix must name the service, was blank");
            }
        }
        return new ErasedCustomerRecord(List.of(lockKeyPrefixes), jdbc);
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
        for (String prefix : lockKeyPrefixes) {
            jdbc.query(
                    "SELECT " + function + "(hashtextextended(?, 0))",
                    (RowCallbackHandler) row -> {},
                    prefix + customerId);
        }
    }
}
