package com.agentfactory.finance.support;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.testing.CommerceEventPublisher;
import com.agentfactory.messaging.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes commerce events the way the supervisor does: an envelope whose message id is the event id. */
@TestComponent
public class CommerceEvents extends CommerceEventPublisher {

    private final KafkaTemplate<String, String> kafka;

    CommerceEvents(KafkaTemplate<String, String> kafka, EnvelopeCodec codec) {
        super(kafka, codec);
        this.kafka = kafka;
    }

    public void publishAll(List<? extends CommerceEvent> events) {
        events.forEach(this::publish);
    }

    /**
     * One order on each partition of the orders topic, sent after everything else: once the consumer has
     * recorded all of them, it has also handled every earlier message, replays that change nothing included.
     */
    public List<OrderPlaced> publishMarkers(Instant at) {
        List<OrderPlaced> markers = new ArrayList<>();
        int partitions = kafka.partitionsFor(Topics.COMMERCE_ORDERS).size();
        for (int partition = 0; partition < partitions; partition++) {
            OrderPlaced marker = OrderMother.order(at);
            publishTo(partition, marker);
            markers.add(marker);
        }
        return markers;
    }
}
