package com.agentfactory.support.messaging.order;

import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.support.order.OrderBook;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the order read model: each event applied once in the same transaction as its effect; an unreadable
 * record goes to commerce.orders.dlt (the platform's listener policy).
 */
@Component
class CommerceOrdersListener {

    private static final String CONSUMER = "support-orders";

    private final CommerceEventConsumer events;
    private final OrderBook orders;

    CommerceOrdersListener(CommerceEventConsumer events, OrderBook orders) {
        this.events = events;
        this.orders = orders;
    }

    @KafkaListener(topics = Topics.COMMERCE_ORDERS, groupId = "support")
    void onOrderEvent(ConsumerRecord<String, String> record) {
        events.applyOnce(record, CONSUMER, event -> {
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
