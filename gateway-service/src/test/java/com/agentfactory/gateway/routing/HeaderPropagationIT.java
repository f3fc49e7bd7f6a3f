package com.agentfactory.gateway.routing;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.gateway.support.StubDownstreamService.RecordedRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class HeaderPropagationIT extends GatewayIntegrationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void replacesSpoofedIdentityHeadersWithTheTokensIdentity() {
        var customer = users.customer();
        String path = "/api/v1/support/conversations/" + UUID.randomUUID();

        client.get()
                .uri(path)
                .header("Authorization", customer.bearer())
                .header("X-User-Id", "attacker")
                .header("X-User-Roles", "ADMIN")
                .header("X-Customer-Id", UUID.randomUUID().toString())
                .exchange()
                .expectStatus()
                .isOk();

        RecordedRequest received = STUB.requestTo(path).orElseThrow();
        assertThat(received.header("X-User-Id")).isNull();
        assertThat(received.header("X-User-Roles")).isNull();
        assertThat(received.header("X-Customer-Id")).isNull();
        assertThat(received.header("Authorization")).isEqualTo(customer.bearer());
    }

    @Test
    void vouchesForAVisitorsRequestWithItsOwnSignedAnonymousToken() throws Exception {
        String path = "/api/v1/products/" + UUID.randomUUID();

        client.get()
                .uri(path)
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .exchange()
                .expectStatus()
                .isOk();

        var claims = users.tokens()
                .forwardedClaims(STUB.requestTo(path).orElseThrow().header("Authorization"));
        assertThat(claims.getStringClaim("token_type")).isEqualTo("anonymous");
        assertThat(claims.getStringListClaim("roles")).isEmpty();
        assertThat(claims.getAudience()).containsExactly("agent-factory");
        assertThat(claims.getExpirationTime()).isInTheFuture();
    }

    @Test
    void stripsIdentityHeadersFromAnonymousRequests() {
        String path = "/api/v1/products/" + UUID.randomUUID();

        client.get()
                .uri(path)
                .header("X-User-Id", "attacker")
                .header("X-User-Roles", "ADMIN")
                .header("X-Customer-Id", "someone")
                .exchange()
                .expectStatus()
                .isOk();

        RecordedRequest received = STUB.requestTo(path).orElseThrow();
        assertThat(received.header("X-User-Id")).isNull();
        assertThat(received.header("X-User-Roles")).isNull();
        assertThat(received.header("X-Customer-Id")).isNull();
    }

    @Test
    void passesValidCorrelationIdAndTraceToTheService() {
        String correlationId = UUID.randomUUID().toString();
        String path = "/api/v1/products/" + UUID.randomUUID();

        client.get()
                .uri(path)
                .header("X-Correlation-Id", correlationId)
                .header("traceparent", TRACEPARENT)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Correlation-Id", correlationId);

        RecordedRequest received = STUB.requestTo(path).orElseThrow();
        assertThat(received.header("X-Correlation-Id")).isEqualTo(correlationId);
        assertThat(received.header("traceparent"))
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .isNotEqualTo(TRACEPARENT);
    }

    @Test
    void replacesInvalidCorrelationIdAndTraceparent() {
        String path = "/api/v1/products/" + UUID.randomUUID();

        String echoed = client.get()
                .uri(path)
                .header("X-Correlation-Id", "not-a-uuid")
                .header("traceparent", "garbage")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Correlation-Id");

        RecordedRequest received = STUB.requestTo(path).orElseThrow();
        assertThat(UUID.fromString(echoed)).isNotNull();
        assertThat(received.header("X-Correlation-Id")).isEqualTo(echoed);
        assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void echoesCorrelationIdOnRefusedRequests() {
        String correlationId = UUID.randomUUID().toString();

        client.get()
                .uri("/api/v1/agents")
                .header("X-Correlation-Id", correlationId)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("X-Correlation-Id", correlationId);
    }

    @Test
    void answers503ProblemWhenTheServiceIsDown() {
        var admin = users.admin();

        var problem = assertProblem(
                client.get()
                        .uri("/api/v1/ads/campaign-7")
                        .header("Authorization", admin.bearer())
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(problem.get("detail").toString()).contains("not reachable");
    }
}
