package com.agentfactory.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.support.escalation.CustomerProfile;
import com.agentfactory.support.testdata.Messages;
import com.agentfactory.support.testdata.RowLocks;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A customer's erasure while a reply to them is being recorded: one waits for the other to end. */
class ErasureDuringTurnIT extends SupportIntegrationTest {

    @Autowired
    MessageIntake intake;

    @Autowired
    PersonalDataHolder personalData;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Test
    void anErasureWaitsForAReplyBeingRecordedRatherThanDeadlockingWithIt() throws Exception {
        UUID customerId = UUID.randomUUID();
        Received received = intake.receive(InboundMessage.chat(
                        null, new CustomerProfile(customerId), "user-" + customerId, Messages.SHIPPING_TO_SPAIN))
                .orElseThrow();
        CompletableFuture<Long> erasing;
        int marked;

        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection reply = dataSource.getConnection()) {
            reply.setAutoCommit(false);
            try {
                // the reply's transaction as the turn recorder runs it: its conversation first ...
                RowLocks.lock(reply, "conversations", received.conversation().id());
                erasing = CompletableFuture.supplyAsync(
                        () -> transactions.execute(erasure -> personalData.erase(customerId)), background);
                LockWaits.awaitSessionBlockedBy(jdbcTemplate, LockWaits.backendPid(reply));
                // ... then its message, which an erasure holding it while it waits for the conversation never lets go
                marked = markProcessed(reply, received.messageId());
                reply.commit();
            } finally {
                reply.rollback();
            }
            assertThat(erasing).succeedsWithin(Duration.ofSeconds(30));
        }

        assertThat(marked).as("the reply marked its message").isEqualTo(1);
        assertThat(jdbcTemplate.queryForMap(
                        "SELECT body, author_id, status FROM conversation_messages WHERE id = ?", received.messageId()))
                .containsEntry("body", "[erased]")
                .containsEntry("author_id", null)
                .containsEntry("status", "PROCESSED");
    }

    /** The statement the turn recorder marks a message answered with. */
    private static int markProcessed(Connection connection, UUID messageId) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(
                "UPDATE conversation_messages SET status = 'PROCESSED' WHERE id = ? AND status = 'RECEIVED'")) {
            mark.setObject(1, messageId);
            return mark.executeUpdate();
        }
    }
}
