package com.agentfactory.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One Swagger UI at /docs for the whole API: the gateway's own document and every service's, read through it. */
class ApiDocsIT extends GatewayIntegrationTest {

    private static final List<String> DOCUMENTS = List.of(
            "gateway",
            "supervisor-agent",
            "support-agent",
            "recommendation-agent",
            "ad-agent",
            "inventory-agent",
            "campaign-agent",
            "finance-service");

    @Test
    void servesTheSwaggerUiAtDocsToAnyone() {
        URI ui = client.get()
                .uri("/docs")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();

        assertThat(ui).isNotNull();
        String page = client.get()
                .uri(ui.getPath())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("swagger-ui");
    }

    @Test
    void listsTheGatewaysDocumentAndEveryServicesDocument() {
        JsonNode config = client.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(config).isNotNull();
        assertThat(config.path("urls").valueStream().map(url -> url.path("name").asString()))
                .containsExactlyInAnyOrderElementsOf(DOCUMENTS);
        assertThat(config.path("urls").valueStream().map(url -> url.path("url").asString()))
                .allSatisfy(url -> assertThat(url).startsWith("/"))
                .contains("/v3/api-docs", "/api-docs/finance-service");
    }

    @Test
    void fetchesAServicesDocumentFromTheServiceWithoutAToken() {
        client.get().uri("/api-docs/finance-service").exchange().expectStatus().isOk();

        assertThat(STUB.requestTo("/v3/api-docs"))
                .as("the service's own document path")
                .isPresent();
    }
}
