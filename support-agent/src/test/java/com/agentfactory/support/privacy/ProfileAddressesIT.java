package com.agentfactory.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.testdata.HeldTransaction;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The address a customer's profile announces is theirs (the shop checked it), and a task naming another customer by
 * it while the profile is stored leaves it to them, as one naming it after does (TaskAddressesIT): kept for two, a
 * mail from it would be exported with, and erased by, either customer's request.
 */
class ProfileAddressesIT extends SupportIntegrationTest {

    private static final Instant SEEN = Instant.parse("2026-11-01T08:00:00Z");

    @Autowired
    CustomerAddresses addresses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aProfileKeepsItsAddressThoughATaskNamedAnotherCustomerByIt() {
        UUID taskCustomer = UUID.randomUUID();
        UUID profileCustomer = UUID.randomUUID();
        String address = "pia-" + UUID.randomUUID() + "@example.com";
        // a task's address is unchecked: one mistyped must not keep the owner's own profile from it
        addresses.rememberNamedByTask(taskCustomer, address, SEEN);

        addresses.remember(profileCustomer, address, SEEN.plusSeconds(60));

        assertThat(holdersOf(address)).containsExactlyInAnyOrder(taskCustomer, profileCustomer);
    }

    @Test
    void aTaskNamingAnAddressWhileAProfileAnnouncesItForAnotherCustomerWaitsAndLeavesItToThem() {
        UUID profileCustomer = UUID.randomUUID();
        UUID taskCustomer = UUID.randomUUID();
        String address = "rui-" + UUID.randomUUID() + "@example.com";

        // the task's message is taken in while the profile is not committed: unless it waits for the profile, its
        // check does not see the profile's row
        new HeldTransaction(transactions, jdbcTemplate)
                .whileHolding(
                        () -> addresses.remember(profileCustomer, address, SEEN),
                        () -> transactions.executeWithoutResult(
                                task -> addresses.rememberNamedByTask(taskCustomer, address, SEEN)));

        assertThat(holdersOf(address)).containsExactly(profileCustomer);
    }

    private List<UUID> holdersOf(String address) {
        return jdbc.sql("SELECT customer_id FROM customer_addresses WHERE email = :email")
                .param("email", address)
                .query(UUID.class)
                .list();
    }
}
