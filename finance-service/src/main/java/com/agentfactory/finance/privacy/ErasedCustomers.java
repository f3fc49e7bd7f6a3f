package com.agentfactory.finance.privacy;

import com.agentfactory.messaging.privacy.ErasedCustomerRecord;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The customers erased here and the pseudonym each erasure gave their ledger entries, attributions and touchpoints.
 * Their order events read afterwards (the back office cancelling an order still open, a return received, a replay)
 * still move money, which must not be lost, so they are booked under that pseudonym: an order's revenue and its
 * refunds stay together and net out. Under the customer's id they would bring the customer back, with a segment and a
 * segment change naming them. Their behaviours and touchpoints are not recorded, and neither the customer nor their
 * pseudonym is given a segment.
 *
 * <p>The customer is read under their lock (see {@link ErasedCustomerRecord}), shared to the end of the caller's
 * transaction: a booking during the erasure waits for it and then books under the pseudonym, one that committed before
 * it is pseudonymised with the rest. The lock is taken before the booking's first audited write, as the order's lock
 * is, since the erasure holds the customer's lock while it writes audited rows.
 */
@Component
public class ErasedCustomers {

    private final ErasedCustomerRecord record;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ErasedCustomers(JdbcTemplate jdbc, Clock clock) {
        this.record = new ErasedCustomerRecord(jdbc, "finance");
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Marks the customer erased and returns the pseudonym for what they left: the one an earlier erasure of theirs
     * gave, so that all their entries stay under one.
     */
    UUID markErased(UUID customerId) {
        record.markErased(customerId, clock.instant());
        return jdbc.queryForObject(
                "UPDATE erased_customers SET pseudonym = coalesce(pseudonym, ?) WHERE customer_id = ?"
                        + " RETURNING pseudonym",
                UUID.class,
                UUID.randomUUID(),
                customerId);
    }

    /**
     * The id to book the customer's money under: their pseudonym once they are erased, else their own id; null for a
     * guest. Call it before the booking's first write.
     */
    public UUID bookedUnder(UUID customerId) {
        if (customerId == null || !record.isErased(customerId)) {
            return customerId;
        }
        List<UUID> pseudonym = jdbc.queryForList(
                "SELECT pseudonym FROM erased_customers WHERE customer_id = ?", UUID.class, customerId);
        // every erasure sets one in its own transaction; should one be missing, the money goes under no customer
        return pseudonym.isEmpty() ? null : pseudonym.getFirst();
    }

    /**
     * Whether nothing but money is kept of this id: it is an erased customer's, or the pseudonym of one. Call it before
     * the caller's first write.
     */
    public boolean keepsNoCustomer(UUID id) {
        return record.isErased(id)
                || Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM erased_customers WHERE pseudonym = ?)", Boolean.class, id));
    }
}
