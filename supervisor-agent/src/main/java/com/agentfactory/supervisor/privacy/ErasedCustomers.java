package com.agentfactory.supervisor.privacy;

import com.agentfactory.messaging.privacy.ErasedCustomerRecord;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The customers erased here. A task or storefront event naming one of them that is taken in during or after their
 * erasure must not keep what the erasure removed from the rest: the erasure marks the customer first, under the
 * customer's lock, and whoever stores something naming a customer asks here under the same lock, shared, in the
 * transaction that stores it. Kept for good, as such a request can come at any time.
 */
@Repository
public class ErasedCustomers {

    private final ErasedCustomerRecord record;
    private final Clock clock;

    ErasedCustomers(JdbcTemplate jdbc, Clock clock) {
        this.record = new ErasedCustomerRecord(jdbc, "supervisor");
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
     * Whether the customer was erased. Holds their lock, shared, to the end of the caller's transaction, so no erasure
     * of theirs runs between this answer and the commit of what the caller stores.
     */
    public boolean isErased(UUID customerId) {
        return record.isErased(customerId);
    }
}
