package com.agentfactory.recommendation.support;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes commerce events the way the supervisor's storefront intake does: one envelope per event. */
@TestComponent
public class Storefront {

    private final KafkaTemplate<String, String> kafka;
    private final EnvelopeCodec codec;

    Storefront(KafkaTemplate<String, String> kafka, EnvelopeCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    public void publish(CommerceEvent event) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .messageId(event.eventId())
                .sender("storefront", "storefront")
                .recipient(MessageEnvelope.BROADCAST, "broadcast")
                .action(event.type().wireName())
                .data(codec.toTree(event))
                .build();
        kafka.send(event.type().topic(), event.partitionKey(), codec.encode(envelope))
                .join();
    }
}
