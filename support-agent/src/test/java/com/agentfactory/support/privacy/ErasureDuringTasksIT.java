package com.agentfactory.support.privacy;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static com.agentfactory.support.testdata.SupportTasks.input;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.support.conversation.ConversationService;
import com.agentfactory.support.conversation.InboundMessage;
import com.agentfactory.support.testdata.InboundMessageMother;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A task naming a customer whose erasure runs at the same time, or ran before the task did, keeps its message, though
 * under no customer: nothing of it is left under the erased customer's id or address. So does a mail sent from the
 * address of a customer whose erasure runs at the same time.
 */
class ErasureDuringTasksIT extends SupportIntegrationTest {

    @Autowired
    SupportPersonalData personalData;

    @Autowired
    ConversationService conversations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerAddresses addresses;

    @Test
    void aTaskStoredWhileItsCustomerIsBeingErasedKeepsItsMessageUnderNoCustomer() {
        UUID customerId = UUID.randomUUID();
        InboundMessage message =
                InboundMessageMother.task(customerId, "rae-" + UUID.randomUUID() + "@example.com", SHIPPING_TO_SPAIN);

        // the message waits for the erasure, which holds the customer's lock until it commits
        UUID conversationId = erasures.whileErasing(customerId, () -> conversations.handle(message))
                .conversationId();

        assertThat(personalData.export(customerId).count()).isZero();
        assertFiledUnderNoCustomer(conversationId);
        assertThat(bodiesOf(conversationId)).containsExactly(SHIPPING_TO_SPAIN);
    }

    @Test
    void aMailTakenInWhileItsSendersErasureRunsKeepsNeitherTheirAddressNorThemAsAuthor() {
        UUID customerId = UUID.randomUUID();
        String address = "ida-" + UUID.randomUUID() + "@example.com";
        addresses.remember(customerId, address, Instant.parse("2026-11-01T08:00:00Z"));
        InboundMessage mail = InboundMessageMother.mail(address, "Shipping", SHIPPING_TO_SPAIN);

        // the erasure has removed the customer's address by the time the mail comes, so once it commits nothing finds
        // the mail by it
        UUID conversationId = erasures.whileErasing(customerId, () -> conversations.handle(mail))
                .conversationId();

        assertFiledUnderNoCustomer(conversationId);
        assertThat(jdbc.sql("SELECT author_id FROM conversation_messages WHERE conversation_id = :id")
                        .param("id", conversationId)
                        .query(String.class)
                        .list())
                .as("no message of the conversation is by the erased customer's address")
                .doesNotContain(address);
    }

    @Test
    void aTaskRunAfterItsCustomersErasureKeepsItsMessageUnderNoCustomer() {
        UUID customerId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> personalData.erase(customerId));

        // queued before the erasure, and like a chat message it names no address
        var report = tasks.run(
                "answer-customer-message",
                input().put("message", SHIPPING_TO_SPAIN).put("customer_id", customerId.toString()));

        UUID conversationId = conversationOf(report);
        assertThat(personalData.export(customerId).count()).isZero();
        assertFiledUnderNoCustomer(conversationId);
        assertThat(bodiesOf(conversationId)).containsExactly(SHIPPING_TO_SPAIN);
    }

    private static UUID conversationOf(Optional<TaskStatusChanged> report) {
        assertThat(report)
                .hasValueSatisfying(change -> assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED));
        return UUID.fromString(
                report.orElseThrow().output().path("conversation_id").asString());
    }

    /** Neither the conversation nor its ticket is filed under a customer or an address. */
    private void assertFiledUnderNoCustomer(UUID conversationId) {
        assertThat(jdbc.sql("SELECT c.customer_id, c.customer_email, t.customer_id AS ticket_customer_id"
                                + " FROM conversations c JOIN tickets t ON t.conversation_id = c.id WHERE c.id = :id")
                        .param("id", conversationId)
                        .query()
                        .singleRow())
                .containsEntry("customer_id", null)
                .containsEntry("customer_email", null)
                .containsEntry("ticket_customer_id", null);
    }

    private List<String> bodiesOf(UUID conversationId) {
        return jdbc.sql("SELECT body FROM conversation_messages WHERE conversation_id = :id AND author = 'CUSTOMER'")
                .param("id", conversationId)
                .query(String.class)
                .list();
    }
}
