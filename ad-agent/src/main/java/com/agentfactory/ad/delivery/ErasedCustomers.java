package com.agentfactory.ad.delivery;

import com.agentfactory.messaging.privacy.ErasedCustomerRecord;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The customers erased here, so that no impression is recorded under their id afterwards: a bid made for them before
 * their erasure may still be won within the win-notice window, and a bid request may name them again later. A win
 * naming a customer reads this under the customer's shared lock (see {@link ErasedCustomerRecord}), so one that comes
 * during the erasure waits for it and records no customer.
 */
@Component
public class ErasedCustomers {

    private final ErasedCustomerRecord record;
    private final Clock clock;

    ErasedCustomers(JdbcTemplate jdbc, Clock clock) {
        // both keys the ad agent's released versions locked a customer under ("ad customer " before this record was
        // shared, "ad.customer:" since): an instance of either still running during a rolling deploy must wait for this
        // one's erasure, and this one for that one's wins
        this.record = ErasedCustomerRecord.lockingUnder(jdbc, "ad.customer:", "ad customer ");
        this.clock = clock;
    }

    /** Marks the customer erased; the caller's transaction then replaces their id in what they left. */
    public void erase(UUID customerId) {
        record.markErased(customerId, clock.instant());
    }

    /** Whether the customer was erased; holds their shared lock to the end of the caller's transaction. */
    boolean isErased(UUID customerId) {
        return record.isErased(customerId);
    }
}
