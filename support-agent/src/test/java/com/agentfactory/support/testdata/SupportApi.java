package com.agentfactory.support.testdata;

import com.agentfactory.messaging.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls as the gateway forwards them: the caller's identity in a signed bearer token. */
public final class SupportApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    SupportApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public record Response(int status, JsonNode body) {

        public String text(String pointer) {
            return body.at(pointer).asString();
        }

        public java.util.List<String> errorFields() {
            var fields = new java.util.ArrayList<String>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }
    }

    /** A caller: a customer (customer id), staff (roles), a service client or anonymous (nothing). */
    public record As(String userId, String roles, String customerId, String tier) {

        private static final String SYSTEM_AGENT = "SYSTEM_AGENT";

        public static As anonymous() {
            return new As(null, null, null, null);
        }

        public static As customer(java.util.UUID customerId) {
            return new As("user-" + customerId, "CUSTOMER", customerId.toString(), null);
        }

        /** A customer who sends a tier of their own choosing in the X-Customer-Tier header. */
        public static As claimingTier(java.util.UUID customerId, String tier) {
            return new As("user-" + customerId, "CUSTOMER", customerId.toString(), tier);
        }

        public static As supportAgent(String userId) {
            return new As(userId, "SUPPORT_AGENT", null, null);
        }

        public static As marketingManager(String userId) {
            return new As(userId, "MARKETING_MANAGER", null, null);
        }

        /** The mail gateway, a service client that posts inbound e-mail. */
        public static As mailGateway() {
            return new As("mail-gateway", SYSTEM_AGENT, null, null);
        }

        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            // a visitor's request reaches the agent through the gateway, which vouches for it with its own token
            String token = userId == null
                    ? TestTokens.visitor()
                    : SYSTEM_AGENT.equals(roles)
                            ? TestTokens.client(userId)
                            : TestTokens.person(
                                    userId,
                                    customerId == null ? null : java.util.UUID.fromString(customerId),
                                    roles == null ? new String[0] : roles.split(","));
            headers.put("Authorization", "Bearer " + token);
            if (tier != null) headers.put("X-Customer-Tier", tier);
            return headers;
        }
    }

    public Response post(String path, Object body, As caller) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        caller.headers().forEach(request::header);
        return send(request);
    }

    public Response get(String path, As caller) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        caller.headers().forEach(request::header);
        return send(request);
    }

    /** Sends one chat message, starting a conversation when {@code conversationId} is null. */
    public Response say(String text, String conversationId, As caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        if (conversationId == null) {
            return post("/api/v1/support/messages", body, caller);
        }
        return post("/api/v1/support/conversations/" + conversationId + "/messages", body, caller);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body =
                    response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        }
    }
}
