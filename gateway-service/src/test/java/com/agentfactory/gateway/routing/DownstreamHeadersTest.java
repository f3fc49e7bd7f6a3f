package com.agentfactory.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.tracing.RequestTrace;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class DownstreamHeadersTest {

    private static final String CUSTOMER_ID = UUID.randomUUID().toString();

    @Test
    void replacesSpoofedIdentityHeadersWithTokenIdentity() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("x-user-id", "attacker");
        headers.add("X-USER-ROLES", "ADMIN");
        headers.add("X-Customer-Id", "someone-else");
        headers.add("x-agent-id", "finance");
        headers.add("Authorization", "Bearer token");

        DownstreamHeaders.rewrite(
                headers,
                RequestTrace.from(null, null),
                new CallerIdentity(CUSTOMER_ID, List.of("CUSTOMER"), CUSTOMER_ID));

        assertThat(headers.get("X-User-Id")).containsExactly(CUSTOMER_ID);
        assertThat(headers.get("X-User-Roles")).containsExactly("CUSTOMER");
        assertThat(headers.get("X-Customer-Id")).containsExactly(CUSTOMER_ID);
        assertThat(headers.containsHeader("X-Agent-Id"))
                .as("only internal calls name an acting agent")
                .isFalse();
        assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer token");
    }

    @Test
    void dropsIdentityHeadersForAnonymousCallers() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-User-Id", "attacker");
        headers.add("X-User-Roles", "ADMIN");
        headers.add("X-Customer-Id", "someone-else");

        DownstreamHeaders.rewrite(headers, RequestTrace.from(null, null), null);

        assertThat(headers.containsHeader("X-User-Id")).isFalse();
        assertThat(headers.containsHeader("X-User-Roles")).isFalse();
        assertThat(headers.containsHeader("X-Customer-Id")).isFalse();
    }

    @Test
    void joinsRolesAndOmitsCustomerIdForStaff() {
        HttpHeaders headers = new HttpHeaders();

        DownstreamHeaders.rewrite(
                headers,
                RequestTrace.from(null, null),
                new CallerIdentity("staff-1", List.of("ADMIN", "SUPPORT_AGENT"), null));

        assertThat(headers.getFirst("X-User-Roles")).isEqualTo("ADMIN,SUPPORT_AGENT");
        assertThat(headers.containsHeader("X-Customer-Id")).isFalse();
    }

    @Test
    void setsCorrelationIdAndNewSpanOfIncomingTrace() {
        UUID correlationId = UUID.randomUUID();
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpHeaders headers = new HttpHeaders();
        headers.add("traceparent", incoming);
        headers.add("tracestate", "vendor=1");
        headers.add("X-Correlation-Id", correlationId.toString());

        DownstreamHeaders.rewrite(headers, RequestTrace.from(correlationId.toString(), incoming), null);

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

        DownstreamHeaders.rewrite(headers, RequestTrace.from(null, "broken"), null);

        assertThat(headers.getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(headers.containsHeader("tracestate")).isFalse();
    }
}
