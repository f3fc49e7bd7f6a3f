package com.agentfactory.gateway.tracing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs first so that every response, including 401s and 429s, carries the correlation id, and logs an access line
 * with the correlation and trace ids for the requests {@link AccessLogProperties} selects.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationWebFilter implements WebFilter {

    private static final Logger accessLog = LoggerFactory.getLogger("com.agentfactory.gateway.access-log");

    private final AccessLogProperties properties;

    CorrelationWebFilter(AccessLogProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestTrace trace = RequestTrace.of(exchange);
        exchange.getResponse()
                .getHeaders()
                .set(RequestTrace.CORRELATION_ID_HEADER, trace.correlationId().toString());
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> logAccess(exchange, trace, started));
    }

    private void logAccess(ServerWebExchange exchange, RequestTrace trace, long started) {
        long elapsed = System.nanoTime() - started;
        Integer status = exchange.getResponse().getStatusCode() == null
                ? null
                : exchange.getResponse().getStatusCode().value();
        if (!accessLog.isInfoEnabled() || !properties.logs(status, elapsed)) {
            return;
        }
        try (var correlation =
                        MDC.putCloseable("correlationId", trace.correlationId().toString());
                var traceId = MDC.putCloseable("traceId", trace.traceContext().traceId());
                var spanId = MDC.putCloseable("spanId", trace.traceContext().spanId())) {
            accessLog.info(
                    "{} {} -> {} in {} ms",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    status == null ? "-" : status,
                    elapsed / 1_000_000);
        }
    }
}
