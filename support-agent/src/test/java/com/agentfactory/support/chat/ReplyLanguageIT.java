package com.agentfactory.support.chat;

import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bot answers and hands over in the message's language when the store serves it. */
class ReplyLanguageIT extends SupportIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final String GERMAN = "Guten Tag, meine Bestellung ist immer noch nicht angekommen. "
            + "Können Sie mir bitte sagen, wo mein Paket gerade ist?";

    @Test
    void handsAGermanMessageOverInGerman() {
        // a VIP always goes to a person, so the hand-over is what this message gets back
        var reply = api.say(GERMAN, null, As.customer(vipCustomer()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("/language")).isEqualTo("de");
        assertThat(reply.body().path("escalated").asBoolean()).isTrue();
        assertThat(reply.text("/reply"))
                .startsWith("Vielen Dank. Ich habe Ihr Anliegen")
                .doesNotContain("colleague");
    }

    @Test
    void handsAMessageOfAGermanConversationThatWasNeverAnsweredOverInGerman() {
        UUID customerId = UUID.randomUUID();
        As customer = As.customer(customerId);
        var first = api.say(GERMAN, null, customer);
        String conversationId = first.text("/conversation_id");
        // what intake leaves behind when the process dies before the turn is recorded: nothing of it understood
        UUID lost = storeUnanswered(conversationId, "Und wann kommt es?");

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(lost)));

        assertThat(first.text("/language")).isEqualTo("de");
        var messages = api.get("/api/v1/support/conversations/" + conversationId, customer)
                .body()
                .path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(3).path("body").asString())
                .startsWith("Vielen Dank, wir haben Ihre Nachricht erhalten");
    }

    @Test
    void keepsHandingOverInEnglishForAnEnglishMessage() {
        var reply = api.say(SHIPPING_TO_SPAIN, null, As.customer(vipCustomer()));

        assertThat(reply.text("/language")).isEqualTo("en");
        assertThat(reply.text("/reply")).startsWith("Thank you. I have passed your conversation to a colleague");
    }

    private UUID storeUnanswered(String conversationId, String text) {
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
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))))
                .update();
        return id;
    }

    private String status(UUID messageId) {
        return jdbc.sql("SELECT status FROM conversation_messages WHERE id = :id")
                .param("id", messageId)
                .query(String.class)
                .single();
    }
}
