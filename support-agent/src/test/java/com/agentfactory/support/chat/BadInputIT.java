package com.agentfactory.support.chat;

import static com.agentfactory.support.testdata.Messages.RUSSIAN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem or a polite handover: never a 500, never a lost message. */
class BadInputIT extends SupportIntegrationTest {

    private static final As SHOPPER = As.customer(UUID.randomUUID());

    private static final String MESSAGES = "/api/v1/support/messages";

    @Test
    void refusesAnEmptyMessageWithTheFieldAtFault() {
        var refused = api.post(MESSAGES, Map.of("text", "   "), SHOPPER);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("text");
    }

    @Test
    void refusesAMessageWithoutText() {
        var refused = api.post(MESSAGES, Map.of(), SHOPPER);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("text");
    }

    @Test
    void refusesAMessageOverTheConfiguredLength() {
        var refused = api.post(MESSAGES, Map.of("text", "Where is my parcel? ".repeat(250)), SHOPPER);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("text");
        assertThat(refused.text("/errors/0/message")).contains("at most 4000 characters");
    }

    @Test
    void refusesABodyOverTheRequestSizeLimitBeforeReadingIt() {
        var refused = api.post(MESSAGES, Map.of("text", "x".repeat(2_200_000)), SHOPPER);

        assertThat(refused.status()).isEqualTo(413);
    }

    @Test
    void refusesBinaryContentNamingTheField() {
        // the NUL bytes of a zip header are refused while the body is read, as for every service
        var refused = api.post(MESSAGES, "{\"text\":\"PK\\u0003\\u0004\\u0000\\u0000\\u0008binary\"}", SHOPPER);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("text");
    }

    @Test
    void refusesMalformedJson() {
        var refused = api.post(MESSAGES, "{\"text\": ", SHOPPER);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/title")).isEqualTo("Malformed request body");
    }

    @Test
    void handsAMessageInAnUnknownLanguageToAPersonPolitelyAndKeepsIt() {
        As customer = As.customer(UUID.randomUUID());

        var reply = api.say(RUSSIAN, null, customer);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("escalated").asBoolean()).isTrue();
        assertThat(reply.text("/escalation_reasons/0/reason")).isEqualTo("UNSUPPORTED_LANGUAGE");
        assertThat(reply.text("/reply")).contains("colleague");
        var conversation = api.get("/api/v1/support/conversations/" + reply.text("/conversation_id"), customer);
        assertThat(conversation.text("/messages/0/body")).isEqualTo(RUSSIAN);
    }

    @Test
    void answersAnUnknownConversationWithNotFound() {
        var refused =
                api.say("Hello there, where is my parcel?", UUID.randomUUID().toString(), SHOPPER);

        assertThat(refused.status()).isEqualTo(404);
    }
}
