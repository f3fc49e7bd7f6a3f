package com.agentfactory.gateway.limits;

import com.agentfactory.gateway.error.ProblemDetailWriter;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length is over the limit before anything else runs, so a 10 MB upload is neither
 * authenticated, nor rate-limited, nor streamed to a service that would have to refuse it.
 */
class BodySizeWebFilter implements WebFilter {

    private final long maxBodySize;
    private final ProblemDetailWriter writer;

    BodySizeWebFilter(RequestLimitsProperties properties, ProblemDetailWriter writer) {
        this.maxBodySize = properties.maxBodySize().toBytes();
        this.writer = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBodySize) {
            // read and dropped, so the client that is still sending gets the answer instead of a reset connection
            return exchange.getRequest()
                    .getBody()
                    .doOnNext(DataBufferUtils::release)
                    .then()
                    .onErrorResume(ignored -> Mono.empty())
                    .then(writer.write(
                            exchange,
                            ProblemDetailWriter.problem(
                                    HttpStatus.CONTENT_TOO_LARGE,
                                    "Request too large",
                                    "The request body exceeds the allowed size of " + maxBodySize + " bytes.")));
        }
        return chain.filter(exchange);
    }
}
