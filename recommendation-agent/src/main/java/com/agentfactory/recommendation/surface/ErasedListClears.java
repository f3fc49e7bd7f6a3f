package com.agentfactory.recommendation.surface;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The erased customers whose cached lists are still to be dropped from Redis (see {@link ErasedCustomerLists}). */
@Repository
class ErasedListClears {

    /** The notification channel of the customers recorded here, each notification's payload a customer id. */
    static final String CHANNEL = "recommendation_erased_lists";

    private final JdbcTemplate jdbc;

    ErasedListClears(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records, in the erasure's transaction, that the customer's lists are to be dropped. A repeated erasure waits for
     * a drop in progress and then records the customer again, so its own commit is followed by a drop too.
     */
    void add(UUID customerId, Instant erasedAt) {
        jdbc.update(
                "INSERT INTO erased_customer_list_clears (customer_id, erased_at) VALUES (?, ?)"
                        + " ON CONFLICT (customer_id) DO UPDATE SET erased_at = EXCLUDED.erased_at",
                customerId,
                Timestamp.from(erasedAt));
    }

    /**
     * Tells, when the erasure's transaction commits and not before, every instance listening on {@link #CHANNEL} that
     * the customer's lists are not to be served.
     */
    void announce(UUID customerId) {
        jdbc.query("SELECT pg_notify(?, ?)", (RowCallbackHandler) row -> {}, CHANNEL, customerId.toString());
    }

    /**
     * Up to {@code limit} of the customers to drop the lists of, oldest first, each locked to the end of the caller's
     * transaction; those another instance (or an erasure's own drop) holds are skipped.
     */
    List<UUID> lockOldest(int limit) {
        return jdbc.queryForList(
                "SELECT customer_id FROM erased_customer_list_clears ORDER BY erased_at LIMIT ? FOR UPDATE SKIP LOCKED",
                UUID.class,
                limit);
    }

    /** Locks the customer's row to the end of the caller's transaction; false when it is gone or held elsewhere. */
    boolean lock(UUID customerId) {
        return !jdbc.queryForList(
                        "SELECT customer_id FROM erased_customer_list_clears WHERE customer_id = ?"
                                + " FOR UPDATE SKIP LOCKED",
                        UUID.class,
                        customerId)
                .isEmpty();
    }

    void remove(UUID customerId) {
        jdbc.update("DELETE FROM erased_customer_list_clears WHERE customer_id = ?", customerId);
    }

    Set<UUID> all() {
        return new HashSet<>(jdbc.queryForList("SELECT customer_id FROM erased_customer_list_clears", UUID.class));
    }
}
