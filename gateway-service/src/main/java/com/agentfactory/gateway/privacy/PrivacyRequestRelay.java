package com.agentfactory.gateway.privacy;

import com.agentfactory.gateway.auth.GatewayServiceToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's side of customers' privacy requests. The gateway has no Kafka client, so instead of reading
 * privacy.requests it asks the supervisor's coordinator for the requests still waiting for its report, under its own
 * service token, and posts each report back. A report that does not arrive leaves the request pending, so the next
 * round does it again: erasing twice removes nothing more, exporting twice reads the same account.
 */
@Component
class PrivacyRequestRelay {

    private static final Logger log = LoggerFactory.getLogger(PrivacyRequestRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final AccountPersonalData accounts;
    private final GatewayServiceToken serviceToken;
    private final PrivacyRelayProperties properties;
    private final HttpClient http;

    PrivacyRequestRelay(
            AccountPersonalData accounts, GatewayServiceToken serviceToken, PrivacyRelayProperties properties) {
        this.accounts = accounts;
        this.serviceToken = serviceToken;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    @Scheduled(fixedDelayString = "${agentfactory.privacy.interval}")
    void answerPending() {
        String token = serviceToken.issue();
        try {
            HttpResponse<String> answer = http.send(
                    request(properties.participantUrl(), token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                log.warn("Fetching privacy requests answered HTTP {}", answer.statusCode());
                return;
            }
            JsonNode pending = pendingRequests(answer);
            for (JsonNode request : pending) {
                answer(request, token);
            }
        } catch (IOException e) {
            log.warn("Privacy requests could not be fetched: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The coordinator's list of pending requests, or none when something else answered: what did is logged, since a
     * participant URL that reaches another service (or a proxy's page) answers 200 as well.
     */
    private JsonNode pendingRequests(HttpResponse<String> answer) {
        String contentType = answer.headers().firstValue("Content-Type").orElse("no content type");
        JsonNode pending;
        try {
            pending = JSON.readTree(answer.body());
        } catch (JacksonException e) {
            pending = null;
        }
        if (pending == null || !pending.isArray()) {
            log.warn(
                    "Fetching privacy requests from {} answered {} with {} instead of a JSON list",
                    properties.participantUrl(),
                    contentType,
                    pending == null ? "no JSON" : "a JSON " + pending.getNodeType());
            return JSON.createArrayNode();
        }
        return pending;
    }

    private void answer(JsonNode request, String token) throws IOException, InterruptedException {
        Optional<UUID> id = uuid(request.path("request_id"));
        Optional<UUID> customer = uuid(request.path("customer_id"));
        if (id.isEmpty() || customer.isEmpty()) {
            // one entry the gateway cannot read must not hold back the requests listed after it, round after round
            log.warn(
                    "Skipped a pending privacy request without a request_id and customer_id UUID: {}",
                    describe(request));
            return;
        }
        UUID requestId = id.get();
        UUID customerId = customer.get();
        Map<String, Object> report = new LinkedHashMap<>();
        switch (request.path("action").asString()) {
            case "EXPORT" -> {
                Map<String, JsonNode> data = new LinkedHashMap<>();
                accounts.export(customerId).forEach((kind, rows) -> data.put(kind, JSON.readTree(rows)));
                report.put(
                        "records",
                        data.values().stream().mapToInt(JsonNode::size).sum());
                report.put("data", data);
            }
            case "ERASURE" -> report.put("records", accounts.erase(customerId));
            default -> {
                log.warn(
                        "Privacy request {} asks for {}, which this gateway does not know",
                        requestId,
                        request.path("action"));
                return;
            }
        }
        URI reportUrl = URI.create(properties.participantUrl() + "/" + requestId + "/report");
        HttpResponse<Void> answer = http.send(
                request(reportUrl, token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(report)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
            log.warn("Reporting on privacy request {} answered HTTP {}", requestId, answer.statusCode());
        }
    }

    private static Optional<UUID> uuid(JsonNode value) {
        if (!value.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.asString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The entry's field names and the request id as sent, never its values otherwise: they may name a person. */
    private static String describe(JsonNode request) {
        String sentId = request.path("request_id").isString()
                ? request.path("request_id").asString()
                : "none";
        return "request_id " + sentId.substring(0, Math.min(sentId.length(), 64)) + ", fields "
                + request.propertyNames();
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).header("Authorization", "Bearer " + token);
    }
}
