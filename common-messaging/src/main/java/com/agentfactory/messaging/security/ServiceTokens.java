package com.agentfactory.messaging.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's own access token for calls to other services: a client-credentials token from the gateway
 * (role SYSTEM_AGENT, the client id naming the acting agent), fetched when first needed and renewed a minute
 * before it expires or when a service refuses it.
 */
public final class ServiceTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final HttpClient http;
    private volatile Issued current;

    public ServiceTokens(ServiceSecurityProperties.Client client, Clock clock) {
        this.tokenUri = client.tokenUri();
        this.clientId = client.isConfigured() ? client.id() : null;
        this.clientSecret = client.isConfigured() ? client.secret() : null;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** @throws ServiceTokenUnavailableException when the gateway cannot be reached or refuses the credentials */
    public String accessToken() {
        Issued issued = current;
        if (issued == null || !clock.instant().isBefore(issued.renewAt())) {
            synchronized (this) {
                issued = current;
                if (issued == null || !clock.instant().isBefore(issued.renewAt())) {
                    issued = fetch();
                    current = issued;
                }
            }
        }
        return issued.token();
    }

    /** Forgets the token so that the next call fetches a new one (after a service answered 401). */
    public void invalidate() {
        current = null;
    }

    /**
     * Sends this service's token on every request of a client; when the other service answers 401 (a token it
     * cannot verify, such as one signed before the gateway's key changed), fetches a new one and tries once more.
     */
    public ClientHttpRequestInterceptor interceptor() {
        return (request, body, execution) -> {
            request.getHeaders().setBearerAuth(accessToken());
            ClientHttpResponse response = execution.execute(request, body);
            if (response.getStatusCode().value() != 401) {
                return response;
            }
            response.close();
            invalidate();
            request.getHeaders().setBearerAuth(accessToken());
            return execution.execute(request, body);
        };
    }

    private Issued fetch() {
        if (clientId == null) {
            throw new ServiceTokenUnavailableException(
                    "this service has no client credentials (agentfactory.security.client.id and .secret)", null);
        }
        String body = JSON.writeValueAsString(Map.of("client_id", clientId, "client_secret", clientSecret));
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceTokenUnavailableException("no token from " + tokenUri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenUnavailableException("interrupted while fetching a token", e);
        }
        if (response.statusCode() != 200) {
            throw new ServiceTokenUnavailableException(
                    "the gateway refused client " + clientId + " a token: HTTP " + response.statusCode(), null);
        }
        JsonNode token = JSON.readTree(response.body());
        Instant expiresAt = clock.instant().plusSeconds(token.path("expires_in").asLong(0));
        Instant renewAt = expiresAt.minus(RENEW_BEFORE_EXPIRY);
        return new Issued(token.path("access_token").asString(), renewAt);
    }

    private record Issued(String token, Instant renewAt) {}

    /** No token could be had: the call it was for is as unanswered as if the other service were down. */
    public static final class ServiceTokenUnavailableException extends RuntimeException {
        ServiceTokenUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
