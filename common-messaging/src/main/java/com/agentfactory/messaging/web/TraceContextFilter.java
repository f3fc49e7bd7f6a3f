package com.agentfactory.messaging.web;

import com.agentfactory.messaging.trace.TraceContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Continues the caller's W3C trace (the tracer's server span when tracing is on, else a new span for this hop) and
 * correlation id, puts both in the logging
 * context, and echoes them on the response. Envelopes built while serving the request carry the trace.
 */
public class TraceContextFilter extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String MDC_CORRELATION_ID = "correlationId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the server observation (Micrometer Tracing) runs first and has continued the caller's trace: join its span
        TraceContext trace = TraceContext.current()
                .orElseGet(() -> TraceContext.fromTraceparent(request.getHeader(TraceContext.TRACEPARENT_HEADER))
                        .newChildSpan());
        String correlationId = correlationId(request.getHeader(CORRELATION_HEADER));
        response.setHeader(CORRELATION_HEADER, correlationId);
        response.setHeader(TraceContext.TRACEPARENT_HEADER, trace.traceparent());
        request.setAttribute(CORRELATION_HEADER, correlationId);
        MDC.put(MDC_CORRELATION_ID, correlationId);
        try (var ignored = trace.openScope()) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_CORRELATION_ID);
        }
    }

    /** The caller's correlation id when it is a UUID, else a new one. */
    static String correlationId(String header) {
        if (header != null) {
            try {
                return UUID.fromString(header.trim()).toString();
            } catch (IllegalArgumentException ignored) {
                // not ours to trust: start a new one
            }
        }
        return UUID.randomUUID().toString();
    }

    /** The correlation id of the request being served. */
    public static UUID currentCorrelationId(HttpServletRequest request) {
        Object value = request.getAttribute(CORRELATION_HEADER);
        return value == null ? UUID.randomUUID() : UUID.fromString(value.toString());
    }
}
