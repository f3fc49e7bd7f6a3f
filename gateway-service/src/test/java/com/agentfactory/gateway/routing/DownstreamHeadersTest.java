package com.agentfactory.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.tracing.RequestTrace;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class DownstreamHeadersTest {

    private static final String CUSTOMER_ID = UUID.randomUUID().toString();

    @Test
    void dropsSpoofedIdentityHeadersAndSendsTheVerifiedToken() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("x-user-id", "attacker");
        headers.add("X-USER-ROLES", "ADMIN");
        headers.add("X-Customer-Id", "someone-else");
        headers.add("x-agent-id", "finance");
        headers.add("Authorization", "Basic c29tZW9uZTpzZWNyZXQ=");

        DownstreamHeaders.rewrite(headers, RequestTrace.from(null, null), "verified-token");

        assertThat(DownstreamHeaders.IDENTITY_HEADERS)
                .allSatisfy(name ->
                        assertThat(headers.containsHeader(name)).as(name).isFalse());
        assertThat(headers.get("Authorization")).containsExactly("Bearer verified-token");
    }

    @Test
    void setsCorrelationIdAndNewSpanOfIncomingTrace() {
        UUID correlationId = UUID.randomUUID();
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpHeaders headers = new HttpHeaders();
        headers.add("traceparent", incoming);
        headers.add("tracestate", "vendor=1");
        headers.add("X-Correlation-Id", correlationId.toString());

        DownstreamHeaders.rewrite(headers, RequestTrace.from(correlationId.toString(), incoming), "token");

        assertThat(headers.get("X-Correlation-Id")).containsExactly(correlationId.toString());
        assertThat(headers.get("traceparent")).singleElement().satisfies(value -> assertThat(value)
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .isNotEqualTo(incoming));
        assertThat(headers.getFirst("tracestate")).isEqualTo("vendor=1");
    }

    @Test
    void dropsTracestateOfAnInvalidTrace() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("traceparent", "broken");
        headers.add("tracestate", "vendor=1");

        DownstreamHeaders.rewrite(headers, RequestTrace.from(null, "broken"), "token");

        assertThat(headers.getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(headers.containsHeader("tracestate")).isFalse();
    }
}
