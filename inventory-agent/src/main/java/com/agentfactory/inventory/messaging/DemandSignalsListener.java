package com.agentfactory.inventory.messaging;

import com.agentfactory.inventory.signal.DemandSignals;
import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.commerce.ProductViewed;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts the storefront's views and cart additions, each event once, in a consumer group of its own so that a busy
 * storefront never holds up stock movements. The product feed comes along to say which SKU each product is.
 */
@Component
class DemandSignalsListener {

    static final String CONSUMER = "inventory-signals";

    private final CommerceEventConsumer commerce;
    private final DemandSignals signals;

    DemandSignalsListener(CommerceEventConsumer commerce, DemandSignals signals) {
        this.commerce = commerce;
        this.signals = signals;
    }

    @KafkaListener(
            topics = {Topics.COMMERCE_PRODUCTS, Topics.COMMERCE_BEHAVIOUR},
            groupId = "inventory-signals")
    void onCommerceEvent(ConsumerRecord<String, String> record) {
        commerce.applyOnce(record, CONSUMER, event -> {
            switch (event) {
                case ProductUpserted product ->
                    signals.productIs(product.productId(), product.sku(), product.occurredAt());
                case ProductViewed view -> signals.record(view.productId(), view.occurredAt(), 1, 0);
                case AddedToCart cart -> signals.record(cart.productId(), cart.occurredAt(), 0, cart.quantity());
                default -> {
                    // pages, checkouts and abandoned carts say nothing about one product's demand
                }
            }
        });
    }
}
