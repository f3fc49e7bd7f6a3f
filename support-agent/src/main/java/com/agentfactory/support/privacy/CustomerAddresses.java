package com.agentfactory.support.privacy;

import com.agentfactory.messaging.privacy.ErasedCustomerRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    /** What an erasure leaves in place of a text the customer wrote or was sent. */
    public static final String ERASED = "[erased]";

    private final JdbcClient jdbc;
    private final ErasedCustomerRecord erased;

    CustomerAddresses(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.erased = new ErasedCustomerRecord(template, "support");
    }

    /**
     * Keeps the address their profile announced as one of the customer's: the shop checked it, so it is kept even when
     * a task already named another customer by it (which no one checked). An address already known for them is left
     * as it is, and nothing is kept of a customer erased here.
     */
    public void remember(UUID customerId, String email, Instant seenAt) {
        keep(customerId, email, seenAt, false);
    }

    /**
     * As {@link #remember} for an address a task named the customer by, which no one checked: kept only while no
     * other customer has it. One shared with, or mistyped as, another customer's would file that customer's mails
     * under this one, for this one's export to show and erasure to blank.
     */
    public void rememberNamedByTask(UUID customerId, String email, Instant seenAt) {
        keep(customerId, email, seenAt, true);
    }

    private void keep(UUID customerId, String email, Instant seenAt, boolean onlyIfNoOneElseHasIt) {
        if (email == null || email.isBlank() || erased.isErased(customerId)) {
            return;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        // held to the caller's commit, so that a task naming the address while a profile or another task gives it to
        // someone else waits, and its check then sees their row; without it the check missed a row not yet committed
        // and both kept it. Taken after the customer's lock, and nothing takes a customer's lock while holding an
        // address's.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "support.address:" + address)
                .query((rs, row) -> Boolean.TRUE)
                .single();
        jdbc.sql("""
                        INSERT INTO customer_addresses (customer_id, email, first_seen)
                        SELECT :customer, :email, :seen
                        WHERE NOT :checked OR NOT EXISTS (
                            SELECT 1 FROM customer_addresses WHERE email = :email AND customer_id <> :customer)
                        ON CONFLICT DO NOTHING
                        """)
                .param("customer", customerId)
                .param("email", address)
                .param("seen", Timestamp.from(seenAt))
                .param("checked", onlyIfNoOneElseHasIt)
                .update();
    }

    /**
     * Whether the customer was erased here, read under their shared lock, held to the end of the caller's
     * transaction: what the caller stores under them meanwhile either commits before their erasure starts, which then
     * finds it, or waits for the erasure to commit and is told they are erased.
     */
    public boolean isErased(UUID customerId) {
        return erased.isErased(customerId);
    }

    /**
     * As {@link #isErased} for each customer the address is known for, in the order of their ids so that no two
     * callers wait on each other: for a mail, which names its sender by address only. Whether any of them was erased.
     */
    public boolean isAnyErasedKnownBy(String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        List<UUID> customers = jdbc.sql("SELECT customer_id FROM customer_addresses WHERE email = :email ORDER BY 1")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query(UUID.class)
                .list();
        boolean anyErased = false;
        for (UUID customerId : customers) {
            anyErased |= erased.isErased(customerId);
        }
        return anyErased;
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
