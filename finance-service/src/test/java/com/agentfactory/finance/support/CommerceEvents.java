package com.agentfactory.finance.support;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.topic.Topics;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes commerce events the way the supervisor does: an envelope whose message id is the event id. */
@TestComponent
public class CommerceEvents {

    private final KafkaTemplate<String, String> kafka;
    private final EnvelopeCodec codec;

    CommerceEvents(KafkaTemplate<String, String> kafka, EnvelopeCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    public void publish(CommerceEvent event) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .messageId(event.eventId())
                .sender("storefront", "supervisor")
                .recipient(null, "broadcast")
                .action(event.type().wireName())
                .data(codec.toTree(event))
                .build();
        kafka.send(event.type().topic(), event.partitionKey(), codec.encode(envelope))
                .join();
    }

    public void publishAll(List<? extends CommerceEvent> events) {
        events.forEach(this::publish);
    }

    /**
     * One order on each partition of the orders topic, sent after everything else: once the consumer has
     * recorded all of them, it has also handled every earlier message, replays that change nothing included.
     */
    public List<OrderPlaced> publishMarkers(java.time.Instant at) {
        List<OrderPlaced> markers = new java.util.ArrayList<>();
        int partitions = kafka.partitionsFor(Topics.COMMERCE_ORDERS).size();
        for (int partition = 0; partition < partitions; partition++) {
            OrderPlaced marker = OrderMother.order(at);
            MessageEnvelope envelope = MessageEnvelope.builder()
                    .messageId(marker.eventId())
                    .sender("storefront", "supervisor")
                    .recipient(null, "broadcast")
                    .action(marker.type().wireName())
                    .data(codec.toTree(marker))
                    .build();
            kafka.send(Topics.COMMERCE_ORDERS, partition, marker.partitionKey(), codec.encode(envelope))
                    .join();
            markers.add(marker);
        }
        return markers;
    }
}
