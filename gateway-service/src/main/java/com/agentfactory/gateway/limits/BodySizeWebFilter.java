package com.agentfactory.gateway.limits;

import com.agentfactory.gateway.error.ProblemDetailWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length is over the limit before anything else runs, so a 10 MB upload is neither
 * authenticated, nor rate-limited, nor streamed to a service that would have to refuse it. A body without a declared
 * length (chunked) is counted as it is read and fails once past the limit, which the error handler answers with 413
 * and which breaks off the call to the service, so no service ever receives more than the limit.
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
        if (declared < 0) {
            return chain.filter(exchange.mutate()
                    .request(new CountedBody(exchange.getRequest()))
                    .build());
        }
        return chain.filter(exchange);
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
