package com.agentfactory.support.ticket;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.support.testdata.RowLocks;
import com.agentfactory.support.testdata.SupportApi;
import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
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

/** A support agent works an escalated ticket: claim, answer, close. */
class SupportDeskIT extends SupportIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Test
    void aSupportAgentClaimsAnswersAndClosesAnEscalatedTicket() {
        UUID customerId = vipCustomer();
        As customer = As.customer(customerId);
        As alice = As.supportAgent("agent-alice");
        As bob = As.supportAgent("agent-bob");
        var escalated = api.say(SHIPPING_TO_SPAIN, null, customer);
        String ticketId = escalated.text("/ticket_id");
        String desk = "/api/v1/support/escalations/" + ticketId;

        var claimed = api.post(desk + "/claim", "", alice);
        var claimedByAnother = api.post(desk + "/claim", "", bob);
        var answered = api.post(desk + "/answer", Map.of("text", "Yes, Spain takes 4 to 8 working days."), alice);
        var followUp = api.say("Thanks! And to Portugal?", escalated.text("/conversation_id"), customer);
        var closed = api.post(desk + "/close", "", alice);

        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.text("/status")).isEqualTo("CLAIMED");
        assertThat(claimed.text("/assigned_to")).isEqualTo("agent-alice");
        assertThat(claimedByAnother.status()).isEqualTo(409);
        assertThat(answered.text("/status")).isEqualTo("ANSWERED");
        assertThat(followUp.text("/ticket_status")).isEqualTo("CLAIMED");
        assertThat(followUp.text("/reply")).contains("colleague will reply");
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
        assertThat(closed.text("/closed_at")).isNotBlank();

        var seenByCustomer = api.get("/api/v1/support/tickets/" + ticketId, customer);
        assertThat(seenByCustomer.status()).isEqualTo(200);
        assertThat(authors(seenByCustomer)).containsExactly("CUSTOMER", "BOT", "AGENT", "CUSTOMER", "BOT");
        assertThat(seenByCustomer.text("/transcript/2/body")).contains("4 to 8 working days");
        assertThat(seenByCustomer.body().path("suggested_answer").isNull()).isTrue();
    }

    @Test
    void answeringATicketNobodyClaimedIsAConflict() {
        var escalated = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));

        var answered = api.post(
                "/api/v1/support/escalations/" + escalated.text("/ticket_id") + "/answer",
                Map.of("text", "Hello"),
                As.supportAgent("agent-carol"));

        assertThat(answered.status()).isEqualTo(409);
    }

    @Test
    void onlySupportAgentsSeeTheQueueOrActOnTickets() {
        As customer = As.customer(vipCustomer());
        var escalated = api.say(SHIPPING_TO_SPAIN, null, customer);

        assertThat(api.get("/api/v1/support/escalations", customer).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/support/escalations/" + escalated.text("/ticket_id") + "/claim", "", customer)
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/support/tickets/" + escalated.text("/ticket_id"), As.customer(UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void refusesAnEmptyAgentAnswerWithTheFieldAtFault() {
        var escalated = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));
        As dave = As.supportAgent("agent-dave");
        api.post("/api/v1/support/escalations/" + escalated.text("/ticket_id") + "/claim", "", dave);

        var answered = api.post(
                "/api/v1/support/escalations/" + escalated.text("/ticket_id") + "/answer", Map.of("text", " "), dave);

        assertThat(answered.status()).isEqualTo(400);
        assertThat(answered.errorFields()).containsExactly("text");
    }

    @Test
    void anAgentsAnswerTakesTheConversationBeforeTheTicketAsATurnBeingRecordedDoes() throws Exception {
        var escalated = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));
        UUID ticketId = UUID.fromString(escalated.text("/ticket_id"));
        As frank = As.supportAgent("agent-frank");
        String desk = "/api/v1/support/escalations/" + ticketId;
        api.post(desk + "/claim", "", frank);
        CompletableFuture<SupportApi.Response> answering;

        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection turn = dataSource.getConnection()) {
            turn.setAutoCommit(false);
            try {
                // a turn being recorded holds the conversation and changes the ticket next
                RowLocks.lock(turn, "conversations", UUID.fromString(escalated.text("/conversation_id")));
                answering = CompletableFuture.supplyAsync(
                        () -> api.post(desk + "/answer", Map.of("text", "Yes, we do."), frank), background);
                LockWaits.awaitSessionBlockedBy(jdbcTemplate, LockWaits.backendPid(turn));

                assertThat(RowLocks.free(jdbc, "tickets", ticketId))
                        .as("the waiting answer holds no lock the turn would wait for")
                        .isTrue();
            } finally {
                turn.rollback();
            }
        }

        assertThat(answering)
                .succeedsWithin(Duration.ofSeconds(30))
                .satisfies(answered -> assertThat(answered.text("/status")).isEqualTo("ANSWERED"));
    }

    @Test
    void closingATicketAnotherAgentClaimedMeanwhileIsAConflictAndTheTicketStaysTheirs() throws Exception {
        var escalated = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));
        UUID ticketId = UUID.fromString(escalated.text("/ticket_id"));
        String desk = "/api/v1/support/escalations/" + ticketId;
        CompletableFuture<SupportApi.Response> closing;

        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection bob = dataSource.getConnection()) {
            bob.setAutoCommit(false);
            // bob's claim, not committed yet: erin reads the ticket as nobody's, and her close waits for his claim
            try (PreparedStatement claim = bob.prepareStatement("""
                    UPDATE tickets SET status = 'CLAIMED', assigned_to = 'agent-bob'
                    WHERE id = ? AND status = 'ESCALATED'
                    """)) {
                claim.setObject(1, ticketId);
                assertThat(claim.executeUpdate()).isEqualTo(1);
            }
            closing = CompletableFuture.supplyAsync(
                    () -> api.post(desk + "/close", "", As.supportAgent("agent-erin")), background);
            LockWaits.awaitSessionBlockedBy(jdbcTemplate, LockWaits.backendPid(bob));
            bob.commit();
        }

        assertThat(closing).succeedsWithin(Duration.ofSeconds(30)).satisfies(closed -> assertThat(closed.status())
                .isEqualTo(409));
        var ticket = api.get("/api/v1/support/tickets/" + ticketId, As.supportAgent("agent-bob"));
        assertThat(ticket.text("/status")).isEqualTo("CLAIMED");
        assertThat(ticket.text("/assigned_to")).isEqualTo("agent-bob");
    }

    @Test
    void closingATicketWaitsForTheConversationAsACustomerReplyBeingRecordedHoldsIt() throws Exception {
        var escalated = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));
        UUID ticketId = UUID.fromString(escalated.text("/ticket_id"));
        String desk = "/api/v1/support/escalations/" + ticketId;
        As grace = As.supportAgent("agent-grace");
        api.post(desk + "/claim", "", grace);
        api.post(desk + "/answer", Map.of("text", "Yes, we do."), grace);
        CompletableFuture<SupportApi.Response> closing;

        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection turn = dataSource.getConnection()) {
            turn.setAutoCommit(false);
            try {
                RowLocks.lock(turn, "conversations", UUID.fromString(escalated.text("/conversation_id")));
                closing = CompletableFuture.supplyAsync(() -> api.post(desk + "/close", "", grace), background);

                LockWaits.awaitSessionBlockedBy(jdbcTemplate, LockWaits.backendPid(turn));
                assertThat(closing).isNotDone();
            } finally {
                turn.rollback();
            }
        }

        assertThat(closing)
                .succeedsWithin(Duration.ofSeconds(30))
                .satisfies(closed -> assertThat(closed.text("/status")).isEqualTo("CLOSED"));
    }

    @Test
    void aCustomerReplyToAnAnswerClosedWhileItWasRecordedIsHandedOverAgainNotLeftWithTheAgent() throws Exception {
        As customer = As.customer(vipCustomer());
        var escalated = api.say(SHIPPING_TO_SPAIN, null, customer);
        UUID ticketId = UUID.fromString(escalated.text("/ticket_id"));
        String desk = "/api/v1/support/escalations/" + ticketId;
        As henry = As.supportAgent("agent-henry");
        api.post(desk + "/claim", "", henry);
        api.post(desk + "/answer", Map.of("text", "Yes, we do."), henry);
        CompletableFuture<SupportApi.Response> replying;

        try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
                Connection close = dataSource.getConnection()) {
            close.setAutoCommit(false);
            // a close not committed yet: the reply reads the ticket as ANSWERED and its update waits for the close
            try (PreparedStatement closing = close.prepareStatement("""
                    UPDATE tickets SET status = 'CLOSED', closed_at = now(), updated_at = now()
                    WHERE id = ? AND status = 'ANSWERED'
                    """)) {
                closing.setObject(1, ticketId);
                assertThat(closing.executeUpdate()).isEqualTo(1);
            }
            replying = CompletableFuture.supplyAsync(
                    () -> api.say("And to Portugal?", escalated.text("/conversation_id"), customer), background);
            LockWaits.awaitSessionBlockedBy(jdbcTemplate, LockWaits.backendPid(close));
            close.commit();
        }

        assertThat(replying).succeedsWithin(Duration.ofSeconds(30));
        var ticket = api.get("/api/v1/support/tickets/" + ticketId, henry);
        assertThat(ticket.text("/status")).isEqualTo("ESCALATED");
        assertThat(replying.get().text("/ticket_status")).isEqualTo("ESCALATED");
    }

    private static List<String> authors(com.agentfactory.support.testdata.SupportApi.Response ticket) {
        List<String> authors = new ArrayList<>();
        ticket.body()
                .path("transcript")
                .forEach(m -> authors.add(m.path("author").asString()));
        return authors;
    }
}
