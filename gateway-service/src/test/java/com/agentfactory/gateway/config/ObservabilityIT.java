package com.agentfactory.gateway.config;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ObservabilityIT extends GatewayIntegrationTest {

    @Test
    void exposesLivenessAndReadinessProbes() {
        client.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void servesPrometheusMetricsOnlyToAdminsAndServices() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        // a scrape holds every series of every request the test JVM made, latency buckets included: more than the
        // 64 KB the gateway itself buffers
        String metrics = client.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .header("Authorization", users.admin().bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(metrics).contains("jvm_memory_used_bytes");
        // latency buckets, from which the dashboards and the latency alert read percentiles
        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{.*le=\"0\\.05\"");
        assertProblem(client.get().uri("/actuator/prometheus").exchange(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void documentsTheAuthEndpoints() {
        String openApi = client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(openApi)
                .contains(
                        "/api/v1/auth/register",
                        "/api/v1/auth/login",
                        "/api/v1/auth/refresh",
                        "/api/v1/auth/token",
                        "/api/v1/auth/logout");
    }
}
