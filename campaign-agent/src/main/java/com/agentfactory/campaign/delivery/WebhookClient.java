package com.agentfactory.campaign.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a journey's webhook: JSON with the send's variables, signed with HMAC-SHA256 over timestamp and body
 * ({@code X-Signature-256: sha256=<hex>}), the send id as {@code Idempotency-Key}, and a timeout, so a slow
 * receiver delays only its own send, which is retried.
 */
@Component
class WebhookClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeliveryProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookClient(DeliveryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void post(ClaimedSend send, Map<String, Object> variables) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("send_id", send.id());
        body.put("customer_id", send.customerId());
        body.put("template", send.templateId());
        body.put("step_id", send.stepId());
        body.put("variables", variables);
        String json = JSON.writeValueAsString(body);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(send.target()))
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", send.id().toString())
                .header("X-Signature-Timestamp", timestamp)
                .header(
                        "X-Signature-256",
                        "sha256=" + Signatures.hmacHex(properties.webhookSigningSecret(), timestamp + "." + json))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered " + response.statusCode());
        }
    }
}
