package com.agentfactory.finance.transaction;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The lock under which revenue and refunds of one order are booked and attributed, one at a time. Both the ledger and
 * attribution take it through here, so the two cannot come to build different keys for the same order and each miss
 * the other.
 *
 * <p>Whoever books writes a ledger row, whose audit trigger holds the audit chain's head until commit; so every path
 * takes this lock before its first audited write, never after. Taken after, a sale holding the head and waiting here
 * and a refund of its order holding this and waiting for the head would deadlock.
 */
public final class OrderLock {

    private static final String ID = "finance-order-id:";
    private static final String NUMBER = "finance-order-number:";

    private OrderLock() {}

    /**
     * Waits for any other transaction holding the lock of any of these orders until it ends, and holds them until this
     * one ends. Both the ids and the numbers are locked, since a refund names its order by either. The database
     * upper-cases each key as order numbers are matched, so "inv-1" waits for "INV-1". The keys are taken in one order
     * (ids before numbers, then alphabetically, ignoring case), so that two bookings never each hold a key the other
     * waits for. Nulls among the ids and numbers are passed over.
     */
    public static void take(JdbcOperations jdbc, Collection<UUID> orderIds, Collection<String> orderNumbers) {
        Stream.concat(
                        orderIds.stream().filter(Objects::nonNull).map(id -> ID + id),
                        orderNumbers.stream().filter(Objects::nonNull).map(number -> NUMBER + number))
                .sorted(Comparator.comparing((String key) -> key.toUpperCase(Locale.ROOT))
                        .thenComparing(Comparator.naturalOrder()))
                .distinct()
                .forEach(key ->
                        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(upper(?), 0))", rs -> null, key));
    }
}
