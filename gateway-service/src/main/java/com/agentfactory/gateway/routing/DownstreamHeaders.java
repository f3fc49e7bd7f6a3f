package com.agentfactory.gateway.routing;

import com.agentfactory.gateway.tracing.RequestTrace;
import java.util.List;
import org.springframework.http.HttpHeaders;

/** The headers every forwarded request carries; services trust these, so clients may never set them. */
final class DownstreamHeaders {

    static final String USER_ID = "X-User-Id";
    static final String USER_ROLES = "X-User-Roles";
    static final String CUSTOMER_ID = "X-Customer-Id";
    /** Services record it as the acting agent; only platform-internal calls may name one. */
    static final String AGENT_ID = "X-Agent-Id";

    static final List<String> IDENTITY_HEADERS = List.of(USER_ID, USER_ROLES, CUSTOMER_ID, AGENT_ID);

    private DownstreamHeaders() {}

    /** Rewrites the outgoing headers in place: drops client-sent identity, adds ours, sets trace headers. */
    static void rewrite(HttpHeaders headers, RequestTrace trace, CallerIdentity identity) {
        // HttpHeaders is case-insensitive, so x-user-id and X-USER-ID go too
        IDENTITY_HEADERS.forEach(headers::remove);
        headers.set(RequestTrace.CORRELATION_ID_HEADER, trace.correlationId().toString());
        headers.set(RequestTrace.TRACEPARENT_HEADER, trace.traceContext().traceparent());
        if (!trace.incomingTraceValid()) {
            // tracestate belongs to the trace the client sent; a new trace must not inherit it
            headers.remove(RequestTrace.TRACESTATE_HEADER);
        }
        if (identity != null) {
            headers.set(USER_ID, identity.userId());
            headers.set(USER_ROLES, String.join(",", identity.roles()));
            if (identity.customerId() != null) {
                headers.set(CUSTOMER_ID, identity.customerId());
            }
        }
    }
}
