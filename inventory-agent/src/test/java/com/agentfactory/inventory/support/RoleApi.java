package com.agentfactory.inventory.support;

import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** POSTs as a signed-in user with roles, the identity headers the gateway sets after authentication. */
public final class RoleApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String userId;
    private final String roles;

    public RoleApi(int port, String userId, String roles) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.userId = userId;
        this.roles = roles;
    }

    public Api.Response post(String path, Object body) {
        return post(path, body, java.util.Map.of());
    }

    /** With these headers besides the identity ones, e.g. an Idempotency-Key. */
    public Api.Response post(String path, Object body, java.util.Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TestTokens.staff(userId, roles.split(",")))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(
                    response.statusCode(),
                    response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body()),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        }
    }
}
