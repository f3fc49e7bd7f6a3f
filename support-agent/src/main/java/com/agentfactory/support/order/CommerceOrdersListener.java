package com.agentfactory.support.order;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the order read model: each event applied once (claimed on its message id) in the same transaction
 * as its effect; an unreadable record goes to commerce.orders.dlt (the platform's listener policy).
 */
@Component
class CommerceOrdersListener {

    private static final String CONSUMER = "support-orders";

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final OrderBook orders;

    CommerceOrdersListener(EnvelopeCodec codec, IdempotentConsumer idempotent, OrderBook orders) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.orders = orders;
    }

    @KafkaListener(topics = Topics.COMMERCE_ORDERS, groupId = "support")
    void onOrderEvent(ConsumerRecord<String, String> record) {
        MessageEnvelope envelope = codec.decode(record.value());
        var type = CommerceEventType.fromWireName(envelope.action());
        if (type.isEmpty()) {
            return;
        }
        CommerceEvent event =
                codec.fromTree(envelope.payload().data(), type.get().payloadType());
        idempotent.runOnce(envelope.messageId(), CONSUMER, () -> {
            switch (event) {
                case OrderPlaced placed -> orders.apply(placed);
                case OrderCancelled cancelled -> orders.apply(cancelled);
                default -> {
                    // other events on the topic say nothing support answers from
                }
            }
        });
    }
}
