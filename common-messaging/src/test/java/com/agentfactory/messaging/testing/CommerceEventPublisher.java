package com.agentfactory.messaging.testing;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes commerce events the way the supervisor's storefront intake does: one envelope per event on the event's
 * topic, its message id the event id, keyed like the event.
 */
public class CommerceEventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final EnvelopeCodec codec;

    public CommerceEventPublisher(KafkaTemplate<String, String> kafka, EnvelopeCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    public void publish(CommerceEvent event) {
        kafka.send(event.type().topic(), event.partitionKey(), codec.encode(envelope(event)))
                .join();
    }

    /** Publishes onto one chosen partition of the event's topic, whatever its key would pick. */
    public void publishTo(int partition, CommerceEvent event) {
        kafka.send(event.type().topic(), partition, event.partitionKey(), codec.encode(envelope(event)))
                .join();
    }

    private MessageEnvelope envelope(CommerceEvent event) {
        return MessageEnvelope.builder()
                .messageId(event.eventId())
                .sender("storefront", "storefront")
                .recipient(MessageEnvelope.BROADCAST, "broadcast")
                .action(event.type().wireName())
                .data(codec.toTree(event))
                .build();
    }
}
