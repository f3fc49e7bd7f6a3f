package com.agentfactory.gateway.tracing;

import java.util.UUID;
import org.springframework.web.server.ServerWebExchange;

/** Correlation id and trace context of the request being handled, kept as an exchange attribute. */
public record RequestTrace(UUID correlationId, TraceContext traceContext, boolean incomingTraceValid) {

    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final String TRACESTATE_HEADER = "tracestate";
    static final String ATTRIBUTE = RequestTrace.class.getName();

    public static RequestTrace from(String correlationIdHeader, String traceparentHeader) {
        return new RequestTrace(
                parseOrNew(correlationIdHeader),
                TraceContext.continueOrStart(traceparentHeader),
                TraceContext.isValid(traceparentHeader == null ? null : traceparentHeader.trim()));
    }

    public static RequestTrace of(ServerWebExchange exchange) {
        RequestTrace trace = exchange.getAttribute(ATTRIBUTE);
        if (trace == null) {
            trace = from(
                    exchange.getRequest().getHeaders().getFirst(CORRELATION_ID_HEADER),
                    exchange.getRequest().getHeaders().getFirst(TRACEPARENT_HEADER));
            exchange.getAttributes().put(ATTRIBUTE, trace);
        }
        return trace;
    }

    private static UUID parseOrNew(String value) {
        if (value != null) {
            try {
                String trimmed = value.trim();
                // UUID.fromString accepts shortened forms like 1-2-3-4-5; only the canonical 36-char form is kept
                if (trimmed.length() == 36) {
                    return UUID.fromString(trimmed);
                }
            } catch (IllegalArgumentException invalid) {
                // fall through to a fresh id
            }
        }
        return UUID.randomUUID();
    }
}
