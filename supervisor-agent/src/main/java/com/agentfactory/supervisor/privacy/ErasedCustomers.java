package com.agentfactory.supervisor.privacy;

import com.agentfactory.messaging.privacy.ErasedCustomerRecord;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The customers erased here. A task or storefront event naming one of them that is taken in during or after their
 * erasure must not keep what the erasure removed from the rest: the erasure marks the customer first, under the
 * customer's lock, and whoever stores something naming a customer asks here under the same lock, shared, in the
 * transaction that stores it (task intake only tries it, and refuses for a retry what names a customer whose erasure
 * runs). Kept for good, as such a request can come at any time.
 */
@Repository
public class ErasedCustomers {

    private static final String SERVICE = "supervisor";

    /**
     * The key {@link ErasedCustomerRecord} locks a customer under for {@link #SERVICE}, read from it and not changed
     * here: a writer locking under another key would no longer wait for the erasure.
     */
    private static final String LOCK_KEY_PREFIX = SERVICE + ".customer:";

    private final JdbcTemplate jdbc;
    private final ErasedCustomerRecord record;
    private final Clock clock;

    ErasedCustomers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.record = new ErasedCustomerRecord(jdbc, SERVICE);
        this.clock = clock;
    }

    /**
     * Marks the customer erased, holding their lock to the end of the caller's transaction, which then blanks what
     * they left: a write naming them meanwhile either committed before (and is blanked with the rest) or waits and then
     * finds them erased. Marking twice in one erasure changes nothing.
     */
    public void markErased(UUID customerId) {
        record.markErased(customerId, clock.instant());
    }

    /**
     * Takes the customers' locks, shared, to the end of the caller's transaction, waiting for an erasure that holds one
     * of them to end, in one statement and in one order by every caller. Asked then, {@link #erasedAmong} holds until
     * the caller commits: no erasure of theirs runs between its answer and the commit of what the caller stores, and
     * one that ran meanwhile is seen.
     */
    public void lockShared(SortedSet<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        jdbc.query(
                "SELECT pg_advisory_xact_lock_shared(hashtextextended(?::text || c::text, 0))"
                        + " FROM unnest(?::uuid[]) c ORDER BY c",
                (RowCallbackHandler) row -> {},
                LOCK_KEY_PREFIX,
                customerIds.toArray(UUID[]::new));
    }

    /**
     * Takes the customers' locks, shared, to the end of the caller's transaction, without waiting for any, in one
     * statement; returns those whose lock an erasure holds now. A writer storing many customers' requests at once
     * must not wait for one of them: the erasure holds its lock for its whole run, and all the others would wait too.
     * The rest are held, so their erasures cannot run before the caller commits.
     */
    public Set<UUID> lockSharedUnlessErasing(SortedSet<UUID> customerIds) {
        Set<UUID> erasing = new HashSet<>();
        if (customerIds.isEmpty()) {
            return erasing;
        }
        jdbc.query(
                "SELECT c, pg_try_advisory_xact_lock_shared(hashtextextended(?::text || c::text, 0)) AS locked"
                        + " FROM unnest(?::uuid[]) c ORDER BY c",
                row -> {
                    if (!row.getBoolean("locked")) {
                        erasing.add(row.getObject("c", UUID.class));
                    }
                },
                LOCK_KEY_PREFIX,
                customerIds.toArray(UUID[]::new));
        return erasing;
    }

    /**
     * Which of the customers were erased, in one statement. Only an answer under their locks (see {@link #lockShared}
     * and {@link #lockSharedUnlessErasing}) holds until the caller commits.
     */
    public Set<UUID> erasedAmong(Set<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "SELECT customer_id FROM erased_customers WHERE customer_id = ANY (?)", UUID.class, (Object)
                        customerIds.toArray(UUID[]::new)));
    }
}
