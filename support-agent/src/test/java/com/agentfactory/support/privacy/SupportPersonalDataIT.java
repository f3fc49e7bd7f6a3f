package com.agentfactory.support.privacy;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static com.agentfactory.support.testdata.SupportTasks.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.support.order.OrderBook;
import com.agentfactory.support.testdata.Storefront;
import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A customer's export and erasure reach what support keeps of them under their address as well as their id. */
class SupportPersonalDataIT extends SupportIntegrationTest {

    private static final String INBOUND = "/api/v1/support/email/inbound";
    private static final String BACK_FILL = "db/migration/support/V13__customer_addresses_from_conversations.sql";

    @Autowired
    SupportPersonalData personalData;

    @Autowired
    OrderBook orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void exportsAndErasesTheMailsACustomerSentFromTheAddressTheShopKnowsThemBy() {
        UUID customerId = UUID.randomUUID();
        String address = "kim-" + UUID.randomUUID() + "@example.com";
        new Storefront(kafka, codec)
                .publish(new CustomerUpserted(
                        UUID.randomUUID(), Instant.parse("2026-11-01T08:00:00Z"), customerId, "C-1", address, "GB"));
        await().atMost(Duration.ofSeconds(30)).until(() -> knownAddresses(customerId) > 0);
        UUID conversationId = mail(address.toUpperCase(Locale.ROOT));

        var exported = exportThenErase(customerId, address, conversationId);

        assertThat(exported.get("conversations"))
                .extracting(row -> String.valueOf(row.get("id")))
                .containsExactly(conversationId.toString());
        assertThat(exported.get("conversation_messages"))
                .extracting(row -> row.get("body"))
                .contains(SHIPPING_TO_SPAIN);
        assertThat(exported.get("tickets")).hasSize(1);
        assertThat(jdbc.sql("SELECT customer_email, subject FROM conversations WHERE id = :id")
                        .param("id", conversationId)
                        .query()
                        .singleRow())
                .containsEntry("customer_email", null)
                .containsEntry("subject", null);
        assertThat(personalData.export(customerId).count()).isZero();
    }

    @Test
    void leavesOutOfTheExportAConversationOfAnotherCustomerHeldUnderAnAddressOfTheirs() {
        UUID customerId = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String address = "shared-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO customer_addresses (customer_id, email, first_seen) VALUES (:customer, :email, now())")
                .param("customer", customerId)
                .param("email", address)
                .update();
        UUID othersConversation = UUID.randomUUID();
        jdbc.sql("INSERT INTO conversations (id, channel, customer_id, customer_email, created_at, updated_at)"
                        + " VALUES (:id, 'EMAIL', :customer, :email, now(), now())")
                .param("id", othersConversation)
                .param("customer", other)
                .param("email", address)
                .update();

        var exported = personalData.export(customerId).records();
        personalData.erase(customerId);

        assertThat(exported.get("conversations")).isEmpty();
        assertThat(jdbc.sql("SELECT customer_email FROM conversations WHERE id = :id")
                        .param("id", othersConversation)
                        .query(String.class)
                        .single())
                .as("the other customer's conversation is left as it was")
                .isEqualTo(address);
    }

    @Test
    void anErasedCustomersOrderIsNotShownToATaskNamingAnotherCustomer() {
        String orderNumber = Storefront.freshOrderNumber();
        UUID erasedCustomer = UUID.randomUUID();
        orders.apply(Storefront.order(orderNumber, erasedCustomer));
        personalData.erase(erasedCustomer);

        var forAnotherCustomer = tasks.orderStatus(orderNumber, UUID.randomUUID());

        assertThat(forAnotherCustomer).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output().path("reply").asString())
                    .doesNotContain("GBP")
                    .contains("could not find an order");
        });
        assertThat(orders.findByNumber(orderNumber)).hasValueSatisfying(order -> {
            assertThat(order.customerId()).isNull();
            assertThat(order.customerErased()).isTrue();
        });
    }

    @Test
    void aProfileOfAnErasedCustomerReadAfterTheirErasureKeepsNoAddressOfThem() {
        UUID customerId = UUID.randomUUID();
        personalData.erase(customerId);
        // the erased customer's profile, still queued at the erasure or replayed after it
        CustomerUpserted late = new CustomerUpserted(
                UUID.randomUUID(), Instant.now(), customerId, "C-2", "gone-" + customerId + "@example.com", "GB");

        new Storefront(kafka, codec).publish(late);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(late.eventId()));

        assertThat(knownAddresses(customerId)).isZero();
        assertThat(personalData.export(customerId).count()).isZero();
    }

    @Test
    void keepsTheAddressATaskNamedACustomerBySoTheMailsTheySendFromItAreExportedAndErasedWithoutTheirProfile() {
        UUID customerId = UUID.randomUUID();
        String address = "sam-" + UUID.randomUUID() + "@example.com";
        // no profile of theirs is read: theirs left commerce.customers before support kept addresses
        assertThat(tasks.run(
                        "answer-customer-message",
                        input().put("message", SHIPPING_TO_SPAIN)
                                .put("customer_id", customerId.toString())
                                .put("customer_email", address)))
                .hasValueSatisfying(change -> assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED));
        UUID mailed = mail(address);

        exportThenErase(customerId, address, mailed);
    }

    @Test
    void backFillsTheAddressesOfConversationsStoredUnderACustomerBeforeAddressesWereKept() throws IOException {
        String script = new ClassPathResource(BACK_FILL).getContentAsString(StandardCharsets.UTF_8);
        UUID customerId = UUID.randomUUID();
        UUID erasedCustomer = UUID.randomUUID();
        String address = "lee-" + UUID.randomUUID() + "@example.com";
        Instant firstTask = Instant.parse("2026-10-01T09:00:00Z");

        // rolled back, so the other tests' customers keep the addresses they have
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            conversation("TASK", customerId, address.toUpperCase(Locale.ROOT), firstTask);
            conversation("TASK", customerId, address, firstTask.plus(Duration.ofDays(3)));
            UUID mailed = conversation("EMAIL", null, address, firstTask.plus(Duration.ofDays(5)));
            jdbc.sql("INSERT INTO conversation_messages (id, conversation_id, sequence_number, author, body, status,"
                            + " created_at) VALUES (:id, :conversation, 1, 'CUSTOMER', :body, 'PROCESSED', now())")
                    .param("id", UUID.randomUUID())
                    .param("conversation", mailed)
                    .param("body", SHIPPING_TO_SPAIN)
                    .update();
            personalData.erase(erasedCustomer);
            // filed under the erased customer after their erasure by a task that still named them
            conversation("TASK", erasedCustomer, "gone-" + erasedCustomer + "@example.com", firstTask);

            jdbc.sql(script).update();

            assertThat(jdbc.sql("SELECT email, first_seen FROM customer_addresses WHERE customer_id = :customer")
                            .param("customer", customerId)
                            .query((rs, row) -> Map.entry(
                                    rs.getString("email"),
                                    rs.getTimestamp("first_seen").toInstant()))
                            .list())
                    .containsExactly(Map.entry(address, firstTask));
            assertThat(knownAddresses(erasedCustomer)).isZero();
            exportThenErase(customerId, address, mailed);
        });
    }

    /**
     * Exports the customer's data, then erases it: the export holds their address and the conversation mailed from it,
     * and the erasure leaves that conversation's mails erased and no address of theirs. Returns the export.
     */
    private Map<String, List<Map<String, Object>>> exportThenErase(UUID customerId, String address, UUID mailed) {
        var exported = personalData.export(customerId).records();
        long erased = personalData.erase(customerId);

        assertThat(exported.get("addresses"))
                .extracting(row -> row.get("email"))
                .containsExactly(address);
        assertThat(exported.get("conversations"))
                .extracting(row -> String.valueOf(row.get("id")))
                .contains(mailed.toString());
        assertThat(erased).isPositive();
        assertThat(bodiesOf(mailed)).containsExactly("[erased]");
        assertThat(knownAddresses(customerId)).isZero();
        return exported;
    }

    /** Mails support from the address; returns the conversation the mail opened. */
    private UUID mail(String from) {
        var mailed = api.post(
                INBOUND, Map.of("from", from, "subject", "Shipping", "body", SHIPPING_TO_SPAIN), As.mailGateway());
        return UUID.fromString(mailed.text("/details/conversation_id"));
    }

    private UUID conversation(String channel, UUID customerId, String email, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO conversations (id, channel, customer_id, customer_email, created_at, updated_at)"
                        + " VALUES (:id, :channel, :customer, :email, :at, :at)")
                .param("id", id)
                .param("channel", channel)
                .param("customer", customerId)
                .param("email", email)
                .param("at", Timestamp.from(at))
                .update();
        return id;
    }

    private List<String> bodiesOf(UUID conversationId) {
        return jdbc.sql("SELECT DISTINCT body FROM conversation_messages WHERE conversation_id = :id")
                .param("id", conversationId)
                .query(String.class)
                .list();
    }

    /** Whether support's customer listener has read the event (its inbox keeps every one it read). */
    private boolean read(UUID eventId) {
        return jdbc.sql(
                                "SELECT count(*) FROM processed_messages WHERE message_id = :id AND consumer = 'support-customers'")
                        .param("id", eventId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long knownAddresses(UUID customerId) {
        return jdbc.sql("SELECT count(*) FROM customer_addresses WHERE customer_id = :customer")
                .param("customer", customerId)
                .query(Long.class)
                .single();
    }
}
