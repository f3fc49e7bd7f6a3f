package com.agentfactory.messaging.envelope;

import com.agentfactory.messaging.trace.TraceContext;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Fills the defaults (fresh ids, now, normal priority, current trace) so callers only state what matters. */
public final class EnvelopeBuilder {

    private UUID messageId = UUID.randomUUID();
    private UUID correlationId;
    private Instant timestamp = Instant.now();
    private int priority = Priority.DEFAULT;
    private long ttlMs;
    private MessageEnvelope.Party sender;
    private MessageEnvelope.Party recipient;
    private String action;
    private JsonNode data;
    private JsonNode context;
    private TraceContext trace;
    private int retryCount;

    EnvelopeBuilder() {}

    public EnvelopeBuilder messageId(UUID messageId) {
        this.messageId = messageId;
        return this;
    }

    public EnvelopeBuilder correlationId(UUID correlationId) {
        this.correlationId = correlationId;
        return this;
    }

    public EnvelopeBuilder timestamp(Instant timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    public EnvelopeBuilder priority(int priority) {
        this.priority = priority;
        return this;
    }

    public EnvelopeBuilder ttlMs(long ttlMs) {
        this.ttlMs = ttlMs;
        return this;
    }

    public EnvelopeBuilder sender(String agentId, String agentType) {
        this.sender = new MessageEnvelope.Party(agentId, agentType);
        return this;
    }

    public EnvelopeBuilder recipient(String agentId, String agentType) {
        this.recipient = new MessageEnvelope.Party(agentId, agentType);
        return this;
    }

    public EnvelopeBuilder action(String action) {
        this.action = action;
        return this;
    }

    public EnvelopeBuilder data(JsonNode data) {
        this.data = data;
        return this;
    }

    public EnvelopeBuilder context(JsonNode context) {
        this.context = context;
        return this;
    }

    public EnvelopeBuilder trace(TraceContext trace) {
        this.trace = trace;
        return this;
    }

    public EnvelopeBuilder retryCount(int retryCount) {
        this.retryCount = retryCount;
        return this;
    }

    public MessageEnvelope build() {
        TraceContext effectiveTrace = trace != null ? trace : TraceContext.currentOrNew();
        return new MessageEnvelope(
                MessageEnvelope.CURRENT_VERSION,
                new MessageEnvelope.Header(messageId, correlationId, timestamp, priority, ttlMs),
                sender,
                recipient,
                new MessageEnvelope.Payload(action, data, context),
                new MessageEnvelope.Metadata(effectiveTrace.traceId(), effectiveTrace.spanId(), retryCount));
    }
}
