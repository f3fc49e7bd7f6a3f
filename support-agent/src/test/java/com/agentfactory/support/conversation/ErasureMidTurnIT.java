package com.agentfactory.support.conversation;

import static com.agentfactory.support.testdata.Messages.whereIsOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.support.escalation.CustomerProfile;
import com.agentfactory.support.order.OrderBook;
import com.agentfactory.support.privacy.CustomerAddresses;
import com.agentfactory.support.testdata.InboundMessageMother;
import com.agentfactory.support.testdata.RowLocks;
import com.agentfactory.support.testdata.Storefront;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A turn is drafted outside any transaction, after its message was committed: a customer erased in between gets the
 * turn recorded as their erasure left the conversation, with nothing of theirs put back on it.
 */
class ErasureMidTurnIT extends SupportIntegrationTest {

    @Autowired
    MessageIntake intake;

    @Autowired
    AnswerDrafter drafter;

    @Autowired
    TurnRecorder recorder;

    @Autowired
    PersonalDataHolder personalData;

    @Autowired
    CustomerAddresses addresses;

    @Autowired
    OrderBook orders;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    DataSource dataSource;

    @Test
    void aChatTurnRecordedWhileItsCustomerIsBeingErasedPutsNothingOfTheirsBackOnTheConversation() {
        UUID customerId = UUID.randomUUID();
        String orderNumber = placed(customerId);
        InboundMessage message = InboundMessage.chat(
                null, new CustomerProfile(customerId), customerId.toString(), whereIsOrder(orderNumber));
        Received received = intake.receive(message).orElseThrow();
        DraftedTurn turn = drafter.draft(received, message);
        assertThat(turn.orderNumber()).as("the drafted turn is about the order").isEqualToIgnoringCase(orderNumber);

        // the turn waits for the erasure to commit
        erasures.whileErasing(customerId, () -> recorder.record(received, message, turn));

        assertLeftAsErased(received);
    }

    @Test
    void aMailTurnRecordedAfterItsSendersErasurePutsNothingOfTheirsBackOnTheConversation() {
        UUID customerId = UUID.randomUUID();
        String address = "noa-" + UUID.randomUUID() + "@example.com";
        addresses.remember(customerId, address, Instant.parse("2026-11-01T08:00:00Z"));
        String orderNumber = placed(customerId);
        InboundMessage mail = InboundMessageMother.mailWithMessageId(address, "My order", whereIsOrder(orderNumber));
        Received received = intake.receive(mail).orElseThrow();
        DraftedTurn turn = drafter.draft(received, mail);
        assertThat(turn.understanding().entities())
                .as("the mail names the order")
                .isNotEmpty();

        transactions.executeWithoutResult(status -> personalData.erase(customerId));
        recorder.record(received, mail, turn);

        assertLeftAsErased(received);
    }

    @Test
    void aChatTurnUnderWayWhenItsCustomersErasureStartsIsErasedWithTheRest() throws Exception {
        UUID customerId = UUID.randomUUID();
        InboundMessage message = InboundMessage.chat(
                null, new CustomerProfile(customerId), customerId.toString(), whereIsOrder(placed(customerId)));
        Received received = intake.receive(message).orElseThrow();

        recordWhileAnErasureStarts(received, message, drafter.draft(received, message), customerId);

        assertLeftAsErased(received);
    }

    @Test
    void aMailTurnUnderWayWhenItsSendersErasureStartsIsErasedWithTheRest() throws Exception {
        UUID customerId = UUID.randomUUID();
        String address = "ivo-" + UUID.randomUUID() + "@example.com";
        addresses.remember(customerId, address, Instant.parse("2026-11-01T08:00:00Z"));
        InboundMessage mail =
                InboundMessageMother.mailWithMessageId(address, "My order", whereIsOrder(placed(customerId)));
        Received received = intake.receive(mail).orElseThrow();

        recordWhileAnErasureStarts(received, mail, drafter.draft(received, mail), customerId);

        assertLeftAsErased(received);
    }

    /**
     * Records the turn, holding it at its ticket (as behind a desk action) once it holds the conversation and has
     * marked the message processed, while the customer's erasure starts; returns when both are committed.
     */
    private void recordWhileAnErasureStarts(
            Received received, InboundMessage message, DraftedTurn turn, UUID customerId) throws Exception {
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            CompletableFuture<Reply> recording;
            CompletableFuture<Void> erasing;
            try {
                RowLocks.lock(other, "tickets", received.ticketId());
                recording = CompletableFuture.supplyAsync(() -> recorder.record(received, message, turn), background);
                LockWaits.awaitSessionBlockedBy(jdbcTemplate, LockWaits.backendPid(other));
                erasing = CompletableFuture.runAsync(
                        () -> transactions.executeWithoutResult(status -> personalData.erase(customerId)), background);
                // the erasure waits for the turn too
                LockWaits.awaitSessionsWaitingForLocks(jdbcTemplate, 2);
            } finally {
                other.rollback();
            }
            assertThat(recording).succeedsWithin(Duration.ofSeconds(30));
            assertThat(erasing).succeedsWithin(Duration.ofSeconds(30));
        }
    }

    private String placed(UUID customerId) {
        String orderNumber = Storefront.freshOrderNumber();
        orders.apply(Storefront.order(orderNumber, customerId));
        return orderNumber;
    }

    /** What an erasure leaves of the conversation: every message's text and entities gone, the ticket's too. */
    private void assertLeftAsErased(Received received) {
        UUID conversationId = received.conversation().id();
        List<Map<String, Object>> messages =
                jdbc.sql("""
                        SELECT author, body, entities, outcome, status FROM conversation_messages
                        WHERE conversation_id = :id ORDER BY sequence_number
                        """).param("id", conversationId).query().listOfRows();
        assertThat(messages)
                .extracting(row -> row.get("author"))
                .as("the turn was recorded")
                .containsExactly("CUSTOMER", "BOT");
        assertThat(messages).allSatisfy(row -> {
            assertThat(row.get("body")).isEqualTo("[erased]");
            assertThat(row.get("entities")).isNull();
            assertThat(row.get("outcome")).isNull();
        });
        assertThat(messages.getFirst().get("status")).isEqualTo("PROCESSED");
        assertThat(jdbc.sql("SELECT customer_id, entities, suggested_answer FROM tickets WHERE id = :id")
                        .param("id", received.ticketId())
                        .query()
                        .singleRow())
                .containsEntry("customer_id", null)
                .containsEntry("entities", null)
                .containsEntry("suggested_answer", null);
        assertThat(jdbc.sql("SELECT customer_id, customer_email, order_number FROM conversations WHERE id = :id")
                        .param("id", conversationId)
                        .query()
                        .singleRow())
                .containsEntry("customer_id", null)
                .containsEntry("customer_email", null)
                .containsEntry("order_number", null);
    }
}
