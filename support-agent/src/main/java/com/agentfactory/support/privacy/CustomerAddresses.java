package com.agentfactory.support.privacy;

import com.agentfactory.messaging.privacy.ErasedCustomerRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The addresses each customer has had at the shop: those their profiles announced and those a task named them by. A
 * mail names its sender by address only, so this is how an erasure or export finds the mails a customer sent. An
 * erased customer's profile read after their erasure (still queued, or replayed) is not kept: it would bring their
 * address, and their export, back.
 */
@Repository
public class CustomerAddresses {

    private final JdbcClient jdbc;
    private final ErasedCustomerRecord erased;

    CustomerAddresses(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.erased = new ErasedCustomerRecord(template, "support");
    }

    /**
     * Keeps the address as one of the customer's; an address already known for them is left as it is, and nothing is
     * kept of a customer erased here.
     */
    public void remember(UUID customerId, String email, Instant seenAt) {
        if (email == null || email.isBlank() || erased.isErased(customerId)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO customer_addresses (customer_id, email, first_seen) VALUES (:customer, :email, :seen)
                        ON CONFLICT DO NOTHING
                        """)
                .param("customer", customerId)
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .param("seen", Timestamp.from(seenAt))
                .update();
    }

    /**
     * Records the customer's erasure, holding their lock to the end of the caller's transaction, which then removes
     * their addresses: a profile of theirs being kept meanwhile commits before and is removed with the rest, or waits
     * and then finds them erased.
     */
    void markErased(UUID customerId, Instant at) {
        erased.markErased(customerId, at);
    }
}
