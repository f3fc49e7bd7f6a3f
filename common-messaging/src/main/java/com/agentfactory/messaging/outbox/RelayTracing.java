package com.agentfactory.messaging.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs one relay send inside the trace of the message being sent. The relay publishes later and from its own thread,
 * so the request's trace is not current there; a tracer continues it from the {@code traceparent} stored with the
 * message, and the producer's observation then records the send as part of that trace.
 */
@FunctionalInterface
public interface RelayTracing {

    /** No tracer: the send runs as is (the record still carries the message's traceparent header). */
    RelayTracing NONE = (traceparent, send) -> send.get();

    CompletableFuture<?> send(String traceparent, Supplier<CompletableFuture<?>> send);
}
