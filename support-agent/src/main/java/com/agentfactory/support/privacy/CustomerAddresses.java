package com.agentfactory.support.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The addresses each customer has had at the shop. A mail names its sender by address only, so this is how an erasure
 * or export finds the mails a customer sent.
 */
@Repository
public class CustomerAddresses {

    private final JdbcClient jdbc;

    CustomerAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the address as one of the customer's; an address already known for them is left as it is. */
    public void remember(UUID customerId, String email, Instant seenAt) {
        if (email == null || email.isBlank()) {
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
}
