package com.agentfactory.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Oversized requests over a real socket: the limits sit below Spring, so WebTestClient's mock paths would not do. */
class RequestLimitsIT extends GatewayIntegrationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    // over the 64 KB the gateway reads of a body itself, under the 5 MB it passes on to a service
    private static final int ONE_MB = 1024 * 1024;

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper jsonMapper;

    @Test
    void answersAnOverlongRequestLineWith414ProblemDetail() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/products?q=" + "a".repeat(10_000)))
                .GET());

        assertProblem(response, 414, "URI too long");
    }

    @Test
    void answersOversizedHeadersWith431ProblemDetail() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/products"))
                .header("X-Padding", "p".repeat(20_000))
                .GET());

        assertProblem(response, 431, "Request header fields too large");
    }

    @Test
    void refusesAProxiedBodyOverTheLimitWith413ProblemDetail() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024])));

        assertProblem(response, 413, "Request too large");
        assertThat(STUB.requestTo("/api/v1/events")).isEmpty();
    }

    @Test
    void refusesABodyOverTheGatewaysOwnLimitBeforeItIsSentWhenTheClientAsksFirst() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port)) {
            connection.send(ownEndpointRequestHead(ONE_MB, "Expect: 100-continue\r\n"));

            RawHttpConnection.Response response = connection.read();

            assertThat(response.status())
                    .as("no 100 Continue for a body that will be refused")
                    .isEqualTo(413);
            assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
            assertThat(response.body()).contains("\"title\":\"Request too large\"");
        }
    }

    @Test
    void readsABodyOverTheGatewaysOwnLimitToTheEndBeforeRefusingItSoTheConnectionLives() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port)) {
            connection.send(ownEndpointRequestHead(ONE_MB, ""));
            connection.send(new byte[ONE_MB]);

            RawHttpConnection.Response refused = connection.read();
            connection.send("GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawHttpConnection.Response next = connection.read();

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.body()).contains("\"title\":\"Request too large\"");
            assertThat(next.status()).isEqualTo(200);
        }
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimitWith413ProblemDetail() throws Exception {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/events"))
                .header("Content-Type", "application/json")
                .header("Authorization", users.admin().bearer())
                // no declared length: the client sends the body chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tenMegabytes))));

        assertProblem(response, 413, "Request too large");
    }

    @Test
    void stillServesRequestsOnNewConnectionsAfterRefusingOne() throws Exception {
        send(HttpRequest.newBuilder(uri("/api/v1/products?q=" + "a".repeat(10_000)))
                .GET());

        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String ownEndpointRequestHead(int contentLength, String extraHeaders) {
        return "POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n" + extraHeaders + "\r\n";
    }

    private void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, Object> body = jsonMapper.readValue(response.body(), new TypeReference<>() {});
        assertThat(body)
                .containsEntry("status", status)
                .containsEntry("title", title)
                .containsEntry("type", "about:blank")
                .containsKey("detail");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
