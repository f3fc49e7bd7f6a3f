package com.agentfactory.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.support.escalation.CustomerProfile;
import com.agentfactory.support.testdata.Messages;
import com.agentfactory.support.testdata.RowLocks;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two messages of one conversation answered at once: both taken in before either turn is recorded. */
class ConcurrentTurnsIT extends SupportIntegrationTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    MessageIntake intake;

    @Autowired
    AnswerDrafter drafter;

    @Autowired
    TurnRecorder recorder;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Test
    void handsOverTheTurnThatReachesTheFailedAttemptLimitWhenTwoTurnsAreAnsweredAtOnce() throws Exception {
        CustomerProfile customer = new CustomerProfile(UUID.randomUUID());
        String author = customer.customerId().toString();
        UUID conversationId = conversations
                .handle(InboundMessage.chat(null, customer, author, Messages.RETURNS_POLICY))
                .conversationId();
        // the same question again: one failed attempt, two short of the limit of three
        conversations.handle(InboundMessage.chat(conversationId, customer, author, Messages.RETURNS_POLICY));
        assertThat(failedAttempts(conversationId)).isEqualTo(1);

        InboundMessage first = InboundMessage.chat(conversationId, customer, author, Messages.RETURNS_POLICY);
        InboundMessage second = InboundMessage.chat(conversationId, customer, author, Messages.RETURNS_POLICY);
        Received firstReceived = intake.receive(first).orElseThrow();
        Received secondReceived = intake.receive(second).orElseThrow();
        DraftedTurn firstTurn = drafter.draft(firstReceived, first);
        DraftedTurn secondTurn = drafter.draft(secondReceived, second);

        CompletableFuture<Reply> firstReply;
        CompletableFuture<Reply> secondReply;
        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try {
                // both turns wait on the conversation, as behind a third turn being recorded, so neither has
                // recorded anything when the other was taken in and drafted
                RowLocks.lock(other, "conversations", conversationId);
                firstReply = CompletableFuture.supplyAsync(
                        () -> recorder.record(firstReceived, first, firstTurn), background);
                LockWaits.awaitSessionBlockedBy(jdbcTemplate, LockWaits.backendPid(other));
                secondReply = CompletableFuture.supplyAsync(
                        () -> recorder.record(secondReceived, second, secondTurn), background);
                LockWaits.awaitSessionsWaitingForLocks(jdbcTemplate, 2);
            } finally {
                other.rollback();
            }
            assertThat(firstReply).succeedsWithin(Duration.ofSeconds(30));
            assertThat(secondReply).succeedsWithin(Duration.ofSeconds(30));
        }

        List<Reply> replies = List.of(firstReply.join(), secondReply.join());
        assertThat(failedAttempts(conversationId)).isEqualTo(3);
        assertThat(replies).filteredOn(Reply::escalated).singleElement().satisfies(reply -> assertThat(
                        reply.escalationReasons())
                .extracting(Reply.ReasonView::reason)
                .contains("MAX_RETRIES"));
    }

    private int failedAttempts(UUID conversationId) {
        return conversations.findAny(conversationId).orElseThrow().failedAttempts();
    }
}
