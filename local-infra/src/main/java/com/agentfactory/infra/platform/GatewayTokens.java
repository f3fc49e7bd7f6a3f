package com.agentfactory.infra.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens from the gateway for the local tools (the launcher, the demo set-up, the benchmark): a service
 * client's by client credentials, a person's by signing in. Read with a pattern rather than a JSON library, which
 * this module does not otherwise need; the credentials sent are the tools' own generated ones.
 */
public final class GatewayTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private GatewayTokens() {}

    /** The client's token, or empty when the gateway answered without one (still starting, or refusing). */
    public static Optional<String> clientToken(HttpClient http, String gatewayUrl, String clientId, String secret)
            throws IOException, InterruptedException {
        return token(
                http,
                gatewayUrl + "/api/v1/auth/token",
                "{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + secret + "\"}");
    }

    /** The person's token, or empty when the gateway refused the sign-in. */
    public static Optional<String> signIn(HttpClient http, String gatewayUrl, String email, String password)
            throws IOException, InterruptedException {
        return token(
                http,
                gatewayUrl + "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static Optional<String> token(HttpClient http, String url, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        return response.statusCode() == 200 && token.find() ? Optional.of(token.group(1)) : Optional.empty();
    }
}
