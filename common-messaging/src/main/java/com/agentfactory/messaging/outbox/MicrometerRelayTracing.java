package com.agentfactory.messaging.outbox;

import com.agentfactory.messaging.trace.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Continues a message's trace around its relay send with Micrometer Tracing: a producer span whose parent is the
 * message's {@code traceparent}, in scope while the Kafka template sends, so the template's observation injects a
 * traceparent of the same trace into the record.
 */
public class MicrometerRelayTracing implements RelayTracing {

    private static final Propagator.Getter<String> TRACEPARENT_ONLY =
            (traceparent, key) -> TraceContext.TRACEPARENT_HEADER.equals(key) ? traceparent : null;

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerRelayTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public CompletableFuture<?> send(String traceparent, Supplier<CompletableFuture<?>> send) {
        Span.Builder builder =
                traceparent == null ? tracer.spanBuilder() : propagator.extract(traceparent, TRACEPARENT_ONLY);
        Span span = builder.name("outbox relay").kind(Span.Kind.PRODUCER).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return send.get();
        } finally {
            span.end();
        }
    }
}
