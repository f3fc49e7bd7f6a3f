package com.agentfactory.support.email;

import static com.agentfactory.support.testdata.Messages.RETURNS_POLICY;
import static com.agentfactory.support.testdata.Messages.SHIPPING_TO_SPAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.testdata.SupportApi.As;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailChannelIT extends SupportIntegrationTest {

    private static final String INBOUND = "/api/v1/support/email/inbound";

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
}
