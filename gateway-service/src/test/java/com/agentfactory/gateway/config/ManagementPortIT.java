package com.agentfactory.gateway.config;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The actuator on a port of its own, as in k8s/: Prometheus scrapes it without a token; the public port refuses. */
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIT extends GatewayIntegrationTest {

    @LocalServerPort
    int serverPort;

    @LocalManagementPort
    int managementPort;

    @Test
    void servesPrometheusMetricsWithoutATokenOnTheManagementPort() {
        String metrics = management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(managementPort).isNotEqualTo(serverPort);
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    void servesTheProbesOnTheManagementPort() {
        management()
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        management()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void refusesARoutedApiPathOnTheManagementPortWithoutForwardingIt() {
        String path = "/api/v1/support/tickets/" + UUID.randomUUID();

        assertProblem(management().get().uri(path).exchange(), HttpStatus.NOT_FOUND);
        assertProblem(
                management()
                        .post()
                        .uri(path)
                        .header("Authorization", users.admin().bearer())
                        .bodyValue(Map.of("subject", "via the management port"))
                        .exchange(),
                HttpStatus.NOT_FOUND);

        assertThat(STUB.requestsTo(path)).isEmpty();
    }

    @Test
    void refusesTheGatewaysOwnEndpointsOnTheManagementPort() {
        assertProblem(management().get().uri("/api/v1/auth/users").exchange(), HttpStatus.NOT_FOUND);
        assertProblem(management().get().uri("/.well-known/jwks.json").exchange(), HttpStatus.NOT_FOUND);
    }

    @Test
    void stillRefusesPrometheusWithoutATokenOnThePublicPort() {
        assertProblem(client.get().uri("/actuator/prometheus").exchange(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void servesNoMetricsOnThePublicPortEvenToAnAdmin() {
        client.get()
                .uri("/actuator/prometheus")
                .header("Authorization", users.admin().bearer())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void stillRefusesTheApiWithoutATokenOnThePublicPort() {
        assertProblem(client.get().uri("/api/v1/auth/audit").exchange(), HttpStatus.UNAUTHORIZED);
    }

    // a scrape holds every series of every request the test JVM made: more than the 64 KB the gateway buffers
    private WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }
}
