package com.agentfactory.gateway.routing;

import com.agentfactory.gateway.tracing.RequestTrace;
import java.util.List;
import org.springframework.http.HttpHeaders;

/** The headers every forwarded request carries: a verified bearer token and the trace, never client identity. */
final class DownstreamHeaders {

    /**
     * Identity headers services once trusted; they now read identity from the token only, and the gateway still
     * drops these so that no service or log downstream can be misled by a client's claim.
     */
    static final List<String> IDENTITY_HEADERS = List.of("X-User-Id", "X-User-Roles", "X-Customer-Id", "X-Agent-Id");

    private DownstreamHeaders() {}

    /**
     * Rewrites the outgoing headers in place: drops client-sent identity, sets the bearer token the service will
     * verify (the caller's own, already verified here, or the gateway's visitor token) and the trace headers.
     */
    static void rewrite(HttpHeaders headers, RequestTrace trace, String bearerToken) {
        // HttpHeaders is case-insensitive, so x-user-id and X-USER-ID go too
        IDENTITY_HEADERS.forEach(headers::remove);
        headers.setBearerAuth(bearerToken);
        headers.set(RequestTrace.CORRELATION_ID_HEADER, trace.correlationId().toString());
        headers.set(RequestTrace.TRACEPARENT_HEADER, trace.traceContext().traceparent());
        if (!trace.incomingTraceValid()) {
            // tracestate belongs to the trace the client sent; a new trace must not inherit it
            headers.remove(RequestTrace.TRACESTATE_HEADER);
        }
    }
}
