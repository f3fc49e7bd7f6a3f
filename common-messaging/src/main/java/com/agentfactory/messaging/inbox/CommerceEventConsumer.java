package com.agentfactory.messaging.inbox;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one way a service takes in a commerce event: decode the envelope, read the payload record its type
 * names, and apply it once per consumer in the transaction that records it as handled. Event types this
 * version does not know are skipped (newer senders must not break older readers); an unreadable record
 * throws, so the platform's listener policy retries it and then parks it on the dead-letter topic.
 */
public class CommerceEventConsumer {

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;

    public CommerceEventConsumer(EnvelopeCodec codec, IdempotentConsumer idempotent) {
        this.codec = codec;
        this.idempotent = idempotent;
    }

    /**
     * Applies the record's event once for {@code consumer}.
     *
     * @return false when the event type is unknown or the event was applied before
     * @throws MalformedEnvelopeException when the record is not a readable commerce event
     */
    public boolean applyOnce(ConsumerRecord<String, String> record, String consumer, Consumer<CommerceEvent> effect) {
        return read(record)
                .map(received ->
                        idempotent.runOnce(received.messageId(), consumer, () -> effect.accept(received.event())))
                .orElse(false);
    }

    /** The record's event with its message id, or empty for an event type this version does not know. */
    public Optional<ReceivedCommerceEvent> read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new MalformedEnvelopeException("empty commerce event record", null);
        }
        MessageEnvelope envelope = codec.decode(record.value());
        return CommerceEventType.fromWireName(envelope.action())
                .map(type -> new ReceivedCommerceEvent(
                        envelope.messageId(), codec.fromTree(envelope.payload().data(), type.payloadType())));
    }

    public record ReceivedCommerceEvent(java.util.UUID messageId, CommerceEvent event) {}
}
