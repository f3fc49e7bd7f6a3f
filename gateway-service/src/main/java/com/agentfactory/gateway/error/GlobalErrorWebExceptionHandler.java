package com.agentfactory.gateway.error;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Problem details for errors raised outside controllers: unknown paths, unreachable services, gateway timeouts.
 * Ordered ahead of Spring Boot's default handler, which would render its own error map.
 */
@Component
@Order(-2)
class GlobalErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalErrorWebExceptionHandler.class);

    private final ProblemDetailWriter writer;

    GlobalErrorWebExceptionHandler(ProblemDetailWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        return writer.write(exchange, toProblem(exchange, ex));
    }

    private ProblemDetail toProblem(ServerWebExchange exchange, Throwable ex) {
        if (ErrorCauses.find(ex, ConnectException.class) != null
                || ErrorCauses.find(ex, io.netty.channel.ConnectTimeoutException.class) != null) {
            log.warn(
                    "Downstream service unreachable for {} {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    ex.toString());
            return ProblemDetailWriter.problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "The service behind this path is not reachable right now. Try again later.");
        }
        if (ErrorCauses.find(ex, BulkheadFullException.class) != null) {
            return ProblemDetailWriter.problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service busy",
                    "Too many requests are waiting for the service behind this path. Try again shortly.");
        }
        // the gateway's circuit breaker filter reports an open circuit as its own ServiceUnavailableException
        if (ErrorCauses.find(ex, CallNotPermittedException.class) != null
                || ErrorCauses.find(ex, ServiceUnavailableException.class) != null) {
            return ProblemDetailWriter.problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "The service behind this path has been failing, so the gateway is not calling it for a moment."
                            + " Try again later.");
        }
        // a route's time limiter reports as a 504 status exception, a slow response from the client as a timeout
        if (ErrorCauses.find(ex, TimeoutException.class) != null
                || (ex instanceof ErrorResponse timedOut
                        && timedOut.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
            return ProblemDetailWriter.problem(
                    HttpStatus.GATEWAY_TIMEOUT,
                    "Gateway timeout",
                    "The service behind this path did not answer in time.");
        }
        if (ErrorCauses.find(ex, DataBufferLimitException.class) != null) {
            return ProblemDetailWriter.problem(
                    HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The request body exceeds the allowed size.");
        }
        if (ex instanceof ErrorResponse errorResponse) {
            HttpStatusCode status = errorResponse.getStatusCode();
            String detail = status.value() == HttpStatus.NOT_FOUND.value()
                    ? "No resource at this path."
                    : errorResponse.getBody().getDetail();
            ProblemDetail problem = ProblemDetailWriter.problem(status, reason(status), detail);
            return problem;
        }
        log.error(
                "Unhandled error for {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex);
        return ProblemDetailWriter.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The gateway failed to handle the request.");
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
