package com.agentfactory.messaging.envelope;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON on the wire. The codec owns its mapper so the wire format does not change with a service's web
 * JSON settings; unknown fields are ignored so newer senders do not break older readers.
 */
public final class EnvelopeCodec {

    private final JsonMapper mapper;

    public EnvelopeCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    public String encode(MessageEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /** @throws MalformedEnvelopeException when the text is not a readable envelope of a known version */
    public MessageEnvelope decode(String json) {
        MessageEnvelope envelope;
        try {
            envelope = mapper.readValue(json, MessageEnvelope.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEnvelopeException("unreadable message envelope: " + e.getMessage(), e);
        }
        if (envelope == null) {
            throw new MalformedEnvelopeException("empty message envelope", null);
        }
        if (envelope.version() < 1 || envelope.version() > MessageEnvelope.CURRENT_VERSION) {
            throw new UnsupportedEnvelopeVersionException(envelope.version());
        }
        return envelope;
    }

    /**
     * Reads a record value whose topic carries one action this reader knows, the way every listener of another
     * service's topic does: an envelope of any other action is passed over (empty), so a sender that starts
     * publishing new actions on the topic does not break this reader.
     *
     * @throws MalformedEnvelopeException when the value is null, not an envelope, or its payload is not a readable
     *     {@code type}; such a record can never be handled however often it is retried
     */
    public <T> Optional<Received<T>> read(String value, String action, Class<T> type) {
        if (value == null) {
            throw new MalformedEnvelopeException("empty record where " + action + " was expected", null);
        }
        MessageEnvelope envelope = decode(value);
        if (!action.equals(envelope.action())) {
            return Optional.empty();
        }
        T payload;
        try {
            payload = fromTree(envelope.payload().data(), type);
        } catch (RuntimeException e) {
            throw new MalformedEnvelopeException("unreadable " + action + " payload", e);
        }
        if (payload == null) {
            throw new MalformedEnvelopeException("unreadable " + action + " payload: it is empty", null);
        }
        return Optional.of(new Received<>(envelope, payload));
    }

    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    public <T> T fromTree(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEnvelopeException("payload is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
