package com.agentfactory.inventory.messaging;

import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Moves stock with the storefront's products and orders, each event once (the claim and the stock change share
 * a transaction). A record that cannot be read or applied ends on the topic's dead-letter topic instead of
 * blocking the partition.
 */
@Component
class CommerceEventsListener {

    static final String CONSUMER = "inventory-stock";

    private final CommerceEventConsumer commerce;
    private final StockService stock;

    CommerceEventsListener(CommerceEventConsumer commerce, StockService stock) {
        this.commerce = commerce;
        this.stock = stock;
    }

    // new consumer groups start at the earliest offset (platform default), so a replayed history stocks the SKUs
    @KafkaListener(
            topics = {Topics.COMMERCE_PRODUCTS, Topics.COMMERCE_ORDERS},
            groupId = "inventory")
    void onCommerceEvent(ConsumerRecord<String, String> record) {
        commerce.applyOnce(record, CONSUMER, event -> {
            switch (event) {
                case ProductUpserted product -> stock.applyProductUpserted(product);
                case OrderPlaced order -> stock.applyOrderPlaced(order);
                case OrderCancelled cancellation -> stock.applyOrderCancelled(cancellation);
                default -> {
                    // other commerce events do not move stock
                }
            }
        });
    }
}
