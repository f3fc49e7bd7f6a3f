package com.agentfactory.support.order;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the order read model: each event applied once (claimed on its message id) in the same transaction
 * as its effect; unreadable records are logged and skipped so one bad record cannot stall the partition.
 */
@Component
class CommerceOrdersListener {

    private static final Logger log = LoggerFactory.getLogger(CommerceOrdersListener.class);
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
        MessageEnvelope envelope;
        CommerceEvent event;
        try {
            envelope = codec.decode(record.value());
            var type = CommerceEventType.fromWireName(envelope.action());
            if (type.isEmpty()) {
                return;
            }
            event = codec.fromTree(envelope.payload().data(), type.get().payloadType());
        } catch (MalformedEnvelopeException e) {
            log.warn(
                    "Unreadable message on {} at offset {} skipped: {}",
                    record.topic(),
                    record.offset(),
                    e.getMessage());
            return;
        }
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
