package com.agentfactory.support.email;

import static com.agentfactory.support.testdata.Messages.RETURNS_POLICY;
import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportApi.Response;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmailChannelIT extends SupportIntegrationTest {

    private static final String INBOUND = "/api/v1/support/email/inbound";

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersAnInboundMailAndThreadsTheReplyMailIntoTheSameConversation() {
        String from = "jo-" + UUID.randomUUID() + "@example.com";

        var first = api.post(
                INBOUND, Map.of("from", from, "subject", "Shipping", "body", SHIPPING_TO_SPAIN), As.mailGateway());
        String subject = first.text("/subject");
        var second =
                api.post(INBOUND, Map.of("from", from, "subject", subject, "body", RETURNS_POLICY), As.mailGateway());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("/to")).isEqualTo(from);
        assertThat(subject).startsWith("Re: Shipping [ref:");
        assertThat(first.text("/body")).contains("Spain");
        assertThat(second.text("/details/conversation_id")).isEqualTo(first.text("/details/conversation_id"));
        assertThat(second.text("/body")).contains("30 days");
    }

    @Test
    void startsANewConversationWhenTheReferenceComesFromAnotherAddress() {
        var first = api.post(
                INBOUND,
                Map.of("from", "a-" + UUID.randomUUID() + "@example.com", "subject", "Hi", "body", SHIPPING_TO_SPAIN),
                As.mailGateway());

        var spoofed = api.post(
                INBOUND,
                Map.of(
                        "from",
                        "b-" + UUID.randomUUID() + "@example.com",
                        "subject",
                        first.text("/subject"),
                        "body",
                        RETURNS_POLICY),
                As.mailGateway());

        assertThat(spoofed.text("/details/conversation_id")).isNotEqualTo(first.text("/details/conversation_id"));
    }

    @Test
    void refusesAMailWithoutAValidSenderOrBody() {
        var refused = api.post(INBOUND, Map.of("from", "not-an-address", "subject", "x", "body", ""), As.mailGateway());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("body", "from");
    }

    @Test
    void aMailPostedAgainUnderItsMessageIdGetsTheFirstReplyAndNoSecondTicket() {
        String from = "retry-" + UUID.randomUUID() + "@example.com";
        String messageId = "<" + UUID.randomUUID() + "@mail.example.com>";
        var mail = Map.of("from", from, "subject", "Shipping", "body", SHIPPING_TO_SPAIN, "message_id", messageId);

        var first = api.post(INBOUND, mail, As.mailGateway());
        // the gateway timed out and posts the same mail again; some gateways leave the angle brackets off
        var again = api.post(INBOUND, mail, As.mailGateway());
        var bare = api.post(
                INBOUND,
                Map.of(
                        "from",
                        from,
                        "subject",
                        "Shipping",
                        "body",
                        SHIPPING_TO_SPAIN,
                        "message_id",
                        messageId.substring(1, messageId.length() - 1)),
                As.mailGateway());

        assertThat(first.status()).isEqualTo(200);
        for (Response repeat : List.of(again, bare)) {
            assertThat(repeat.status()).isEqualTo(200);
            assertThat(repeat.text("/subject")).isEqualTo(first.text("/subject"));
            assertThat(repeat.text("/body")).isEqualTo(first.text("/body"));
            assertThat(repeat.text("/details/ticket_id")).isEqualTo(first.text("/details/ticket_id"));
            assertThat(repeat.text("/details/message_id")).isEqualTo(first.text("/details/message_id"));
        }
        assertThat(conversationsFrom(from)).isEqualTo(1);
        var ticket =
                api.get("/api/v1/support/tickets/" + first.text("/details/ticket_id"), As.supportAgent("desk-mail"));
        assertThat(ticket.body().path("transcript").size()).isEqualTo(2);
    }

    @Test
    void aMailPostedTwiceAtOnceIsTakenInOnce() {
        String from = "twice-" + UUID.randomUUID() + "@example.com";
        var mail = Map.of(
                "from", from, "subject", "Returns", "body", RETURNS_POLICY, "message_id", UUID.randomUUID() + "@mx");

        var one = CompletableFuture.supplyAsync(() -> api.post(INBOUND, mail, As.mailGateway()));
        var other = CompletableFuture.supplyAsync(() -> api.post(INBOUND, mail, As.mailGateway()));

        List<Response> both = List.of(one.join(), other.join());
        assertThat(both).extracting(Response::status).containsAnyOf(200).allMatch(s -> s == 200 || s == 409);
        assertThat(both.stream()
                        .filter(r -> r.status() == 200)
                        .map(r -> r.text("/details/ticket_id"))
                        .distinct())
                .hasSize(1);
        assertThat(conversationsFrom(from)).isEqualTo(1);
    }

    @Test
    void theSameMessageIdFromAnotherSenderIsAnotherMail() {
        String messageId = "<" + UUID.randomUUID() + "@mail.example.com>";

        var first = api.post(
                INBOUND,
                Map.of(
                        "from",
                        "a-" + UUID.randomUUID() + "@example.com",
                        "subject",
                        "Hi",
                        "body",
                        SHIPPING_TO_SPAIN,
                        "message_id",
                        messageId),
                As.mailGateway());
        var other = api.post(
                INBOUND,
                Map.of(
                        "from",
                        "b-" + UUID.randomUUID() + "@example.com",
                        "subject",
                        "Hi",
                        "body",
                        RETURNS_POLICY,
                        "message_id",
                        messageId),
                As.mailGateway());

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.text("/details/ticket_id")).isNotEqualTo(first.text("/details/ticket_id"));
        assertThat(other.text("/body")).contains("30 days");
    }

    private long conversationsFrom(String address) {
        return jdbc.sql("SELECT count(*) FROM conversations WHERE customer_email = :from")
                .param("from", address)
                .query(Long.class)
                .single();
    }
}
