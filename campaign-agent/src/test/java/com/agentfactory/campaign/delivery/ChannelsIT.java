package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.campaign.support.JourneyMother;
import com.agentfactory.campaign.support.SmsJourneys;
import com.agentfactory.messaging.testing.Api.Response;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ChannelsIT extends CampaignIntegrationTest {

    @Autowired
    SimulatedSmsGateway sms;

    private HttpServer receiver;
    private final List<ReceivedWebhook> webhooks = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            webhooks.add(new ReceivedWebhook(
                    exchange.getRequestHeaders().getFirst("X-Signature-256"),
                    exchange.getRequestHeaders().getFirst("X-Signature-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void postsASignedWebhookAndTextsTheCustomerWhoConsentedToSms() {
        UUID customer = SmsJourneys.consentingCustomer(commerce, api);
        api.put("/api/v1/campaigns/templates/sms/cart_text", Map.of("body", "{{cart_value}} waiting, {{message}}"));
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        Map<String, Object> hooks = Map.of(
                "name", "Hooks " + UUID.randomUUID(),
                "trigger", Map.of("type", "event", "event", "cart.abandoned"),
                "steps",
                        List.of(
                                Map.of("id", "hook", "type", "webhook", "template", "crm_note", "url", url),
                                Map.of("id", "text", "type", "sms", "template", "cart_text", "message", "SAVE10 <now>"),
                                Map.of("id", "done", "type", "end")));
        UUID journey = JourneyMother.createActive(api, hooks);

        Response enrolled = api.post(
                "/api/v1/campaigns/journeys/" + journey + "/enrolments",
                Map.of("customer_id", customer, "context", Map.of("cart_value", "70.00")));
        assertThat(enrolled.status()).isEqualTo(201);

        // the journey starts on any abandoned cart, so a late event of another test may enrol someone else too
        await().atMost(Duration.ofSeconds(30))
                .until(() -> webhookFor(customer).isPresent()
                        && sms.delivered().stream()
                                .anyMatch(message -> message.customerId().equals(customer)));
        ReceivedWebhook webhook = webhookFor(customer).orElseThrow();
        assertThat(webhook.signature())
                .isEqualTo("sha256=" + Signatures.hmacHex(WEBHOOK_SECRET, webhook.timestamp() + "." + webhook.body()));
        assertThat(webhook.body()).contains("\"template\":\"crm_note\"", customer.toString(), "70.00");
        assertThat(webhook.idempotencyKey())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT id::text FROM sends WHERE customer_id = ? AND step_id = 'hook'",
                        String.class,
                        customer));
        assertThat(sms.delivered())
                .filteredOn(message -> message.customerId().equals(customer))
                .singleElement()
                .extracting(SimulatedMessage::text)
                .as("every marketing text says how to stop them")
                .isEqualTo("70.00 waiting, SAVE10 <now> Reply STOP to opt out");
    }

    @Test
    void refusesAnEmailTemplateWithoutASubject() {
        Response refused = api.put("/api/v1/campaigns/templates/email/no_subject", Map.of("body", "<p>Hi</p>"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("subject");
    }

    private Optional<ReceivedWebhook> webhookFor(UUID customer) {
        return webhooks.stream()
                .filter(webhook -> webhook.body().contains(customer.toString()))
                .findFirst();
    }

    private record ReceivedWebhook(String signature, String timestamp, String idempotencyKey, String body) {}
}
