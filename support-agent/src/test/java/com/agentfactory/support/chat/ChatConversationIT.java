package com.agentfactory.support.chat;

import static com.agentfactory.support.testdata.Messages.RETURNS_POLICY;
import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static com.agentfactory.support.testdata.Messages.whereIsOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.support.order.OrderBook;
import com.agentfactory.support.testdata.Storefront;
import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

class ChatConversationIT extends SupportIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    OrderBook orders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersAChatMessageFromTheKnowledgeBaseAndStoresBothSides() {
        As customer = As.customer(UUID.randomUUID());

        var reply = api.say(SHIPPING_TO_SPAIN, null, customer);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("escalated").asBoolean()).isFalse();
        assertThat(reply.text("/ticket_status")).isEqualTo("OPEN");
        assertThat(reply.text("/answer_source")).isEqualTo("TEMPLATE");
        assertThat(reply.text("/reply")).contains("Spain");
        assertThat(reply.text("/intents/0/intent")).isEqualTo("shipping_options");
        assertThat(reply.text("/sources/0/title")).isEqualTo("Delivery to Europe");

        var conversation = api.get("/api/v1/support/conversations/" + reply.text("/conversation_id"), customer);
        assertThat(conversation.status()).isEqualTo(200);
        assertThat(authors(conversation.body().path("messages"))).containsExactly("CUSTOMER", "BOT");
        assertThat(conversation.text("/messages/0/body")).isEqualTo(SHIPPING_TO_SPAIN);
        assertThat(conversation.text("/messages/0/status")).isEqualTo("PROCESSED");
    }

    @Test
    void carriesAConversationOverSeveralTurnsAndAnswersWithTheCustomersOrder() {
        UUID customerId = UUID.randomUUID();
        As customer = As.customer(customerId);
        String orderNumber = Storefront.freshOrderNumber();
        new Storefront(kafka, codec).publish(Storefront.order(orderNumber, customerId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.findByNumber(orderNumber).isPresent());

        var first = api.say(SHIPPING_TO_SPAIN, null, customer);
        String conversationId = first.text("/conversation_id");
        var second = api.say(RETURNS_POLICY, conversationId, customer);
        var third = api.say(whereIsOrder(orderNumber), conversationId, customer);

        assertThat(second.text("/conversation_id")).isEqualTo(conversationId);
        assertThat(second.text("/reply")).contains("30 days");
        assertThat(third.text("/ticket_id")).isEqualTo(first.text("/ticket_id"));
        assertThat(third.text("/reply")).contains("Your order " + orderNumber, "29.00 GBP");
        var conversation = api.get("/api/v1/support/conversations/" + conversationId, customer);
        assertThat(authors(conversation.body().path("messages")))
                .containsExactly("CUSTOMER", "BOT", "CUSTOMER", "BOT", "CUSTOMER", "BOT");
    }

    @Test
    void answersASpanishOrderQuestionInSpanishWithTheCustomersOrder() {
        UUID customerId = UUID.randomUUID();
        As customer = As.customer(customerId);
        // a bare number, as the demo's replayed orders have
        String orderNumber =
                String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(500_000, 599_999));
        new Storefront(kafka, codec).publish(Storefront.order(orderNumber, customerId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.findByNumber(orderNumber).isPresent());

        // a message of data/intents/multilingual-test.csv (not trained on) with the customer's order number
        var reply = api.say("Hola, sigo esperando mi pedido " + orderNumber + ", ¿cuándo llega?", null, customer);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("/language")).isEqualTo("es");
        assertThat(reply.body().path("escalated").asBoolean()).isFalse();
        assertThat(reply.text("/intents/0/intent")).isEqualTo("order_status");
        assertThat(reply.text("/reply")).contains("Su pedido " + orderNumber).doesNotContain("Your order");
    }

    @Test
    void asksForTheOrderNumberAndAnswersWhenTheNextMessageGivesIt() {
        UUID customerId = UUID.randomUUID();
        As customer = As.customer(customerId);
        String orderNumber = Storefront.freshOrderNumber();
        new Storefront(kafka, codec).publish(Storefront.order(orderNumber, customerId));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.findByNumber(orderNumber).isPresent());

        var question = api.say("What is the status of my order?", null, customer);
        var answer = api.say(orderNumber, question.text("/conversation_id"), customer);

        assertThat(question.text("/reply")).contains("send me your order number");
        assertThat(answer.body().path("escalated").asBoolean()).isFalse();
        assertThat(answer.text("/intents/0/intent")).isEqualTo("order_status");
        assertThat(answer.text("/reply")).contains("Your order " + orderNumber);
    }

    @Test
    void doesNotTellOneCustomerAboutAnotherCustomersOrder() {
        String orderNumber = Storefront.freshOrderNumber();
        new Storefront(kafka, codec).publish(Storefront.order(orderNumber, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.findByNumber(orderNumber).isPresent());

        var reply = api.say(whereIsOrder(orderNumber), null, As.customer(UUID.randomUUID()));

        assertThat(reply.text("/reply")).doesNotContain("GBP").contains("could not find an order");
    }

    @Test
    void letsTheSupportDeskFindAnyOrderByItsNumber() {
        // a bare number, as the demo's replayed orders have
        String orderNumber =
                String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(500_000, 599_999));
        new Storefront(kafka, codec).publish(Storefront.order(orderNumber, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.findByNumber(orderNumber).isPresent());

        var reply = api.say("where is my order " + orderNumber, null, As.supportAgent("desk-orders"));

        assertThat(reply.text("/reply")).contains("Your order " + orderNumber, "29.00 GBP");
    }

    @Test
    void doesNotTellACustomerAboutAGuestOrder() {
        String orderNumber = Storefront.freshOrderNumber();
        new Storefront(kafka, codec).publish(Storefront.order(orderNumber, null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.findByNumber(orderNumber).isPresent());

        var reply = api.say(whereIsOrder(orderNumber), null, As.customer(UUID.randomUUID()));

        assertThat(reply.text("/reply")).doesNotContain("GBP").contains("could not find an order");
    }

    @Test
    void refusesToContinueAnotherCustomersConversation() {
        var started = api.say(SHIPPING_TO_SPAIN, null, As.customer(UUID.randomUUID()));

        var intruder = api.say(RETURNS_POLICY, started.text("/conversation_id"), As.customer(UUID.randomUUID()));

        assertThat(intruder.status()).isEqualTo(404);
        assertThat(intruder.text("/detail")).startsWith("No conversation");
    }

    @Test
    void handsAMessageWhoseTurnNeverFinishedToAPerson() {
        UUID customerId = UUID.randomUUID();
        As customer = As.customer(customerId);
        var first = api.say(SHIPPING_TO_SPAIN, null, customer);
        // what intake leaves behind when the process dies before the turn is recorded
        UUID lost = storeUnanswered(first.text("/conversation_id"), "And to Portugal?", Duration.ofMinutes(5));
        var other = api.say(SHIPPING_TO_SPAIN, null, As.customer(UUID.randomUUID()));
        UUID inFlight = storeUnanswered(other.text("/conversation_id"), "And to Italy?", Duration.ZERO);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(lost)));

            As desk = As.supportAgent("desk-unanswered");
            var ticket = api.get("/api/v1/support/tickets/" + first.text("/ticket_id"), desk);
            assertThat(ticket.text("/status")).isEqualTo("ESCALATED");
            assertThat(ticket.text("/escalation_reasons/0/reason")).isEqualTo("PROCESSING_FAILED");
            assertThat(ticket.text("/escalation_reasons/0/message_id")).isEqualTo(lost.toString());
            assertThat(authors(ticket.body().path("transcript"))).containsExactly("CUSTOMER", "BOT", "CUSTOMER", "BOT");
            assertThat(ticket.text("/transcript/3/body")).contains("A colleague will reply");
            var queue = api.get("/api/v1/support/escalations?customer_id=" + customerId, desk);
            assertThat(queue.body().path("items").get(0).path("ticket_id").asString())
                    .isEqualTo(first.text("/ticket_id"));
            // a pass has run since the lost message was stored, and left the one still within its time alone
            assertThat(status(inFlight)).isEqualTo("RECEIVED");
        } finally {
            // so no later test sees it handed over under its counters
            jdbc.sql("UPDATE conversation_messages SET status = 'FAILED' WHERE id = :id")
                    .param("id", inFlight)
                    .update();
        }
    }

    private UUID storeUnanswered(String conversationId, String text, Duration ago) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO conversation_messages (id, conversation_id, sequence_number, author, author_id, body,
                                                           status, created_at)
                        SELECT :id, :conversation, max(sequence_number) + 1, 'CUSTOMER', 'customer', :body,
                               'RECEIVED', :at
                        FROM conversation_messages WHERE conversation_id = :conversation
                        """)
                .param("id", id)
                .param("conversation", UUID.fromString(conversationId))
                .param("body", text)
                .param("at", Timestamp.from(Instant.now().minus(ago)))
                .update();
        return id;
    }

    private String status(UUID messageId) {
        return jdbc.sql("SELECT status FROM conversation_messages WHERE id = :id")
                .param("id", messageId)
                .query(String.class)
                .single();
    }

    private static List<String> authors(tools.jackson.databind.JsonNode messages) {
        List<String> authors = new ArrayList<>();
        messages.forEach(message -> authors.add(message.path("author").asString()));
        return authors;
    }
}
