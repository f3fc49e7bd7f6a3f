package com.agentfactory.gateway.limits;

import com.agentfactory.gateway.error.ProblemDetailWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length is over the limit before anything else runs, so a 10 MB upload is neither
 * authenticated, nor rate-limited, nor streamed to a service that would have to refuse it. The limit is the gateway's
 * own, lower one for its own endpoints (sign-in, registration, users), which read the body into memory. A body without
 * a declared length (chunked) is counted as it is read and fails once past the limit, which the error handler answers
 * with 413 and which breaks off the call to the service, so no service ever receives more than the limit.
 */
class BodySizeWebFilter implements WebFilter {

    private final long maxBodySize;
    private final long maxOwnBodySize;
    private final HandlerMapping ownEndpoints;
    private final ProblemDetailWriter writer;

    BodySizeWebFilter(
            RequestLimitsProperties properties,
            DataSize maxOwnBodySize,
            HandlerMapping ownEndpoints,
            ProblemDetailWriter writer) {
        this.maxBodySize = properties.maxBodySize().toBytes();
        this.maxOwnBodySize = maxOwnBodySize.toBytes();
        this.ownEndpoints = ownEndpoints;
        this.writer = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBodySize) {
            return refuse(exchange, maxBodySize);
        }
        if (declared > maxOwnBodySize) {
            return servedHere(exchange)
                    .flatMap(here -> here ? refuse(exchange, maxOwnBodySize) : chain.filter(exchange));
        }
        if (declared < 0) {
            return chain.filter(exchange.mutate()
                    .request(new CountedBody(exchange.getRequest()))
                    .build());
        }
        return chain.filter(exchange);
    }

    // asked only for the rare body over the own limit; a path that matches with another method is still ours
    private Mono<Boolean> servedHere(ServerWebExchange exchange) {
        return ownEndpoints.getHandler(exchange).hasElement().onErrorReturn(true);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long limit) {
        ServerHttpRequest request = exchange.getRequest();
        Mono<Void> answer = writer.write(
                exchange,
                ProblemDetailWriter.problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Request too large",
                        "The request body exceeds the allowed size of " + limit + " bytes."));
        if (request.getHeaders().getFirst(HttpHeaders.EXPECT) != null) {
            // Reactor Netty sends 100 Continue only once the body is read: unread, the client never sends it
            return answer;
        }
        // read and dropped, so the client that is still sending gets the answer instead of a reset connection
        return request.getBody()
                .doOnNext(DataBufferUtils::release)
                .then()
                .onErrorResume(ignored -> Mono.empty())
                .then(answer);
    }

    private final class CountedBody extends ServerHttpRequestDecorator {

        CountedBody(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong read = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (read.addAndGet(buffer.readableByteCount()) > maxBodySize) {
                    DataBufferUtils.release(buffer);
                    sink.error(new DataBufferLimitException(
                            "The request body exceeds the allowed size of " + maxBodySize + " bytes."));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
