package com.agentfactory.recommendation.interaction;

import com.agentfactory.messaging.privacy.ErasedCustomerRecord;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The customers erased here. Their events still queued when the erasure ran, or replayed after it, are read
 * afterwards: recorded, they would bring back the interactions, cart and country the erasure deleted, and the models
 * trained on them would no longer be known to hold an erased customer. Kept for good, as a replay can come at any time.
 */
@Repository
public class ErasedCustomers {

    private final ErasedCustomerRecord record;

    ErasedCustomers(JdbcTemplate jdbc) {
        this.record = new ErasedCustomerRecord(jdbc, "recommendation");
    }

    /**
     * Marks the customer erased, holding the customer's lock to the end of the caller's transaction, which then deletes
     * the customer's data: an event of theirs recorded meanwhile committed before it and is deleted with the rest, or
     * waits for it and then finds the customer erased.
     */
    public void markErased(UUID customerId, Instant at) {
        record.markErased(customerId, at);
    }

    /**
     * Whether the customer was erased. Holds the customer's lock, shared with their other events, to the end of the
     * caller's transaction, so an erasure cannot run between this answer and what the caller records on it.
     */
    boolean isErased(UUID customerId) {
        return record.isErased(customerId);
    }
}
