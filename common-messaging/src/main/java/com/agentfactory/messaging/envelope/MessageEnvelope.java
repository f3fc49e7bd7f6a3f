package com.agentfactory.messaging.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The message every agent sends and receives (specification 004 §2.2, inter-agent communication protocol).
 * {@code version} lets consumers tell schema generations apart; readers accept any version they know and
 * ignore fields they do not.
 */
public record MessageEnvelope(
        @JsonProperty("version") int version,
        @JsonProperty("header") Header header,
        @JsonProperty("sender") Party sender,
        @JsonProperty("recipient") Party recipient,
        @JsonProperty("payload") Payload payload,
        @JsonProperty("metadata") Metadata metadata) {

    public static final int CURRENT_VERSION = 1;
    public static final String BROADCAST = "broadcast";

    public MessageEnvelope {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
    }

    public UUID messageId() {
        return header.messageId();
    }

    public String action() {
        return payload.action();
    }

    /** The moment after which the message is no longer worth handling, or null when it never expires. */
    public Instant expiresAt() {
        return header.ttlMs() > 0 ? header.timestamp().plusMillis(header.ttlMs()) : null;
    }

    public boolean isExpired(Instant now) {
        Instant expiresAt = expiresAt();
        return expiresAt != null && now.isAfter(expiresAt);
    }

    /** The same message handed on once more: same identity, one more retry counted. */
    public MessageEnvelope withRetryCount(int retryCount) {
        return new MessageEnvelope(
                version,
                header,
                sender,
                recipient,
                payload,
                new Metadata(metadata.traceId(), metadata.spanId(), retryCount));
    }

    public static EnvelopeBuilder builder() {
        return new EnvelopeBuilder();
    }

    public record Header(
            @JsonProperty("message_id") UUID messageId,
            @JsonProperty("correlation_id") UUID correlationId,
            @JsonProperty("timestamp") Instant timestamp,
            @JsonProperty("priority") int priority,
            @JsonProperty("ttl_ms") long ttlMs) {

        public Header {
            Objects.requireNonNull(messageId, "message_id");
            Objects.requireNonNull(timestamp, "timestamp");
            if (priority < Priority.MIN || priority > Priority.MAX) {
                throw new IllegalArgumentException("priority must be between 1 and 10, was " + priority);
            }
            if (ttlMs < 0) {
                throw new IllegalArgumentException("ttl_ms must not be negative, was " + ttlMs);
            }
            if (correlationId == null) {
                correlationId = messageId;
            }
        }
    }

    /** An agent (or a service acting as one); {@code agentId} is a UUID or {@value #BROADCAST}. */
    public record Party(
            @JsonProperty("agent_id") String agentId,
            @JsonProperty("agent_type") String agentType) {

        public Party {
            Objects.requireNonNull(agentType, "agent_type");
            if (agentId == null || agentId.isBlank()) {
                agentId = BROADCAST;
            }
        }

        public static Party broadcast(String agentType) {
            return new Party(BROADCAST, agentType);
        }
    }

    public record Payload(
            @JsonProperty("action") String action,
            @JsonProperty("data") JsonNode data,
            @JsonProperty("context") JsonNode context) {

        public Payload {
            if (action == null || action.isBlank()) {
                throw new IllegalArgumentException("payload.action is required");
            }
        }
    }

    /** W3C trace context ids (32 and 16 lower-case hex digits) and the number of deliveries already tried. */
    public record Metadata(
            @JsonProperty("trace_id") String traceId,
            @JsonProperty("span_id") String spanId,
            @JsonProperty("retry_count") int retryCount) {}
}
