package com.agentfactory.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TemplateVersionsIT extends CampaignIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesTheSecondOfTwoSavesEditedFromTheSameVersionAndKeepsTheFirst() {
        String path = newTemplate("Hello");
        Answer read = send(path, "GET", null, Map.of());
        assertThat(read.etag()).isEqualTo("\"" + read.body().path("version").asLong() + "\"");

        Answer alice = send(path, "PUT", "Hello from Alice", Map.of("If-Match", read.etag()));
        Answer bob = send(path, "PUT", "Hello from Bob", Map.of("If-Match", read.etag()));

        assertThat(alice.status()).as(alice.raw()).isEqualTo(200);
        assertThat(alice.etag()).isNotEqualTo(read.etag());
        assertThat(alice.body().path("version").asLong())
                .isEqualTo(read.body().path("version").asLong() + 1);
        assertThat(bob.status()).as(bob.raw()).isEqualTo(412);
        assertThat(bob.contentType()).startsWith("application/problem+json");
        assertThat(bob.body().path("title").asString()).isEqualTo("Precondition failed");
        Answer stored = send(path, "GET", null, Map.of());
        assertThat(stored.body().path("body").asString()).isEqualTo("Hello from Alice");
        assertThat(stored.etag()).isEqualTo(alice.etag());

        Answer bobAgain = send(path, "PUT", "Hello from Bob", Map.of("If-Match", stored.etag()));
        assertThat(bobAgain.status()).as(bobAgain.raw()).isEqualTo(200);
    }

    @Test
    void savesWithoutIfMatchAsBeforeAndRaisesTheVersion() {
        String path = newTemplate("Hello");
        Answer read = send(path, "GET", null, Map.of());

        Answer saved = send(path, "PUT", "Hello again", Map.of());

        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().path("version").asLong())
                .isEqualTo(read.body().path("version").asLong() + 1);
        assertThat(send(path, "PUT", "Stale", Map.of("If-Match", read.etag())).status())
                .isEqualTo(412);
    }

    @Test
    void createsWithIfNoneMatchOnlyATemplateNoOneCreatedMeanwhile() {
        String path = "/api/v1/campaigns/templates/sms/versions-" + UUID.randomUUID();

        Answer created = send(path, "PUT", "First", Map.of("If-None-Match", "*"));
        Answer second = send(path, "PUT", "Second", Map.of("If-None-Match", "*"));

        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.etag()).isEqualTo("\"0\"");
        assertThat(second.status()).as(second.raw()).isEqualTo(412);
        assertThat(send(path, "GET", null, Map.of()).body().path("body").asString())
                .isEqualTo("First");
    }

    @Test
    void matchesOnlyStrongTagsOfAStoredTemplate() {
        String path = newTemplate("Hello");
        String etag = send(path, "GET", null, Map.of()).etag();
        String missing = "/api/v1/campaigns/templates/sms/versions-" + UUID.randomUUID();

        assertThat(send(path, "PUT", "Weak", Map.of("If-Match", "W/" + etag)).status())
                .isEqualTo(412);
        assertThat(send(path, "PUT", "Foreign", Map.of("If-Match", "\"abc\"")).status())
                .isEqualTo(412);
        assertThat(send(missing, "PUT", "Any", Map.of("If-Match", "*")).status())
                .isEqualTo(412);
        assertThat(send(missing, "GET", null, Map.of()).status()).isEqualTo(404);
        assertThat(send(path, "PUT", "One of", Map.of("If-Match", "\"abc\", " + etag))
                        .status())
                .isEqualTo(200);
        assertThat(send(path, "PUT", "Any", Map.of("If-Match", "*")).status()).isEqualTo(200);
    }

    private String newTemplate(String body) {
        String path = "/api/v1/campaigns/templates/sms/versions-" + UUID.randomUUID();
        assertThat(send(path, "PUT", body, Map.of()).status()).isEqualTo(200);
        return path;
    }

    // the shared test client neither sends request headers on a PUT nor shows response headers
    private Answer send(String path, String method, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.staff("test-user", "ADMIN"))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("body", body))));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        }
    }

    private record Answer(int status, String etag, String contentType, String raw, JsonNode body) {}
}
