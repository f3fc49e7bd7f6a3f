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
 * The address a customer's profile announces is kept for them only while no other customer has it, as a task's is
 * (TaskAddressesIT): kept for two, a mail from it would be exported with, and erased by, either customer's request.
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
    void aProfileAnnouncingAnAddressAnotherCustomerHasLeavesItToThem() {
        UUID holder = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        String address = "pia-" + UUID.randomUUID() + "@example.com";
        // as a task naming the holder by the address kept it
        addresses.remember(holder, address, SEEN);

        addresses.remember(customerId, address, SEEN.plusSeconds(60));

        assertThat(holdersOf(address)).containsExactly(holder);
    }

    @Test
    void aProfileStoredWhileATaskGivesItsAddressToAnotherCustomerWaitsAndLeavesItToThem() {
        UUID taskCustomer = UUID.randomUUID();
        UUID profileCustomer = UUID.randomUUID();
        String address = "rui-" + UUID.randomUUID() + "@example.com";

        // the profile is read while the task's message, which keeps the address, is not committed: unless it waits
        // for the task, its check does not see the task's row
        new HeldTransaction(transactions, jdbcTemplate)
                .whileHolding(
                        () -> addresses.remember(taskCustomer, address, SEEN),
                        () -> transactions.executeWithoutResult(
                                profile -> addresses.remember(profileCustomer, address, SEEN)));

        assertThat(holdersOf(address)).containsExactly(taskCustomer);
    }

    private List<UUID> holdersOf(String address) {
        return jdbc.sql("SELECT customer_id FROM customer_addresses WHERE email = :email")
                .param("email", address)
                .query(UUID.class)
                .list();
    }
}
