package com.agentfactory.support.privacy;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static com.agentfactory.support.testdata.SupportTasks.input;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.support.testdata.HeldTransaction;
import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The address a task names its customer by, which no one checked, is not taken from another customer who has it, nor
 * kept for two customers by two tasks naming it at once, nor while a profile announces it for someone else. A profile's
 * address is the customer's (the shop checked it) even when a task named another customer by it first.
 */
class TaskAddressesIT extends SupportIntegrationTest {

    private static final String INBOUND = "/api/v1/support/email/inbound";

    @Autowired
    SupportPersonalData personalData;

    @Autowired
    CustomerAddresses addresses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aTaskNamingAnotherCustomersAddressLeavesTheirMailsOutOfItsCustomersExportAndErasure() {
        UUID customerId = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String othersAddress = "ash-" + UUID.randomUUID() + "@example.com";
        addresses.remember(other, othersAddress, Instant.parse("2026-11-01T08:00:00Z"));
        UUID othersMail = mail(othersAddress);

        // a shared or mistyped address
        assertThat(tasks.run(
                        "answer-customer-message",
                        input().put("message", SHIPPING_TO_SPAIN)
                                .put("customer_id", customerId.toString())
                                .put("customer_email", othersAddress)))
                .hasValueSatisfying(change -> assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED));
        var exported = personalData.export(customerId).records();
        personalData.erase(customerId);

        assertThat(exported.get("addresses")).isEmpty();
        assertThat(exported.get("conversations"))
                .extracting(row -> String.valueOf(row.get("id")))
                .hasSize(1)
                .doesNotContain(othersMail.toString());
        assertThat(jdbc.sql("SELECT customer_email FROM conversations WHERE id = :id")
                        .param("id", othersMail)
                        .query(String.class)
                        .single())
                .as("the other customer's mail is left as it was")
                .isEqualTo(othersAddress);
        assertThat(personalData.export(other).records().get("conversations"))
                .extracting(row -> String.valueOf(row.get("id")))
                .containsExactly(othersMail.toString());
    }

    @Test
    void ofTwoTasksNamingOneAddressForTwoCustomersAtOnceOnlyOneKeepsIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String address = "kit-" + UUID.randomUUID() + "@example.com";
        Instant seen = Instant.parse("2026-11-01T08:00:00Z");

        // the second starts while the first is not committed, and would not see its row
        new HeldTransaction(transactions, jdbcTemplate)
                .whileHolding(
                        () -> addresses.rememberNamedByTask(first, address, seen),
                        () -> transactions.executeWithoutResult(
                                other -> addresses.rememberNamedByTask(second, address, seen)));

        assertThat(holdersOf(address)).containsExactly(first);
    }

    @Test
    void aProfileKeepsItsAddressThoughATaskNamedAnotherCustomerByIt() {
        UUID taskCustomer = UUID.randomUUID();
        UUID profileCustomer = UUID.randomUUID();
        String address = "pia-" + UUID.randomUUID() + "@example.com";
        Instant seen = Instant.parse("2026-11-01T08:00:00Z");
        // a task's address is unchecked: one mistyped must not keep the owner's own profile from it
        addresses.rememberNamedByTask(taskCustomer, address, seen);

        addresses.remember(profileCustomer, address, seen.plusSeconds(60));

        assertThat(holdersOf(address)).containsExactlyInAnyOrder(taskCustomer, profileCustomer);
    }

    @Test
    void aTaskNamingAnAddressWhileAProfileAnnouncesItForAnotherCustomerWaitsAndLeavesItToThem() {
        UUID profileCustomer = UUID.randomUUID();
        UUID taskCustomer = UUID.randomUUID();
        String address = "rui-" + UUID.randomUUID() + "@example.com";
        Instant seen = Instant.parse("2026-11-01T08:00:00Z");

        // the task's message is taken in while the profile is not committed: unless it waits for the profile, its
        // check does not see the profile's row
        new HeldTransaction(transactions, jdbcTemplate)
                .whileHolding(
                        () -> addresses.remember(profileCustomer, address, seen),
                        () -> transactions.executeWithoutResult(
                                task -> addresses.rememberNamedByTask(taskCustomer, address, seen)));

        assertThat(holdersOf(address)).containsExactly(profileCustomer);
    }

    private List<UUID> holdersOf(String address) {
        return jdbc.sql("SELECT customer_id FROM customer_addresses WHERE email = :email")
                .param("email", address)
                .query(UUID.class)
                .list();
    }

    /** Mails support from the address; returns the conversation the mail opened. */
    private UUID mail(String from) {
        var mailed = api.post(
                INBOUND, Map.of("from", from, "subject", "Shipping", "body", SHIPPING_TO_SPAIN), As.mailGateway());
        return UUID.fromString(mailed.text("/details/conversation_id"));
    }
}
