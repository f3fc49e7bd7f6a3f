package com.agentfactory.recommendation.messaging;

import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.commerce.ProductViewed;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.recommendation.catalog.CatalogService;
import com.agentfactory.recommendation.interaction.InteractionService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the commerce topics the recommender learns from. Each event is applied once (claimed on its
 * message id, which is the storefront's event id) in the same transaction as its effect; an unreadable
 * record goes the platform's way (retries, then the topic's dead-letter topic).
 */
@Component
class CommerceEventsListener {

    private static final String CONSUMER = "recommendation-commerce";

    private final CommerceEventConsumer consumer;
    private final CatalogService catalog;
    private final InteractionService interactions;

    CommerceEventsListener(CommerceEventConsumer consumer, CatalogService catalog, InteractionService interactions) {
        this.consumer = consumer;
        this.catalog = catalog;
        this.interactions = interactions;
    }

    @KafkaListener(
            topics = {
                Topics.COMMERCE_PRODUCTS,
                Topics.COMMERCE_CUSTOMERS,
                Topics.COMMERCE_ORDERS,
                Topics.COMMERCE_BEHAVIOUR
            },
            groupId = "recommendation",
            concurrency = "${agentfactory.recommendation.listener-concurrency:1}")
    void onCommerceEvent(ConsumerRecord<String, String> record) {
        consumer.applyOnce(record, CONSUMER, this::apply);
    }

    private void apply(CommerceEvent event) {
        switch (event) {
            case ProductUpserted product -> catalog.apply(product);
            case CustomerUpserted customer -> interactions.recordCustomer(customer);
            case OrderPlaced order -> interactions.recordPurchase(order);
            case OrderCancelled cancellation -> interactions.recordCancellation(cancellation);
            case CartAbandoned cart -> interactions.recordAbandonedCart(cart);
            case ProductViewed view -> interactions.recordView(view);
            case AddedToCart cart -> interactions.recordCart(cart);
            default -> {
                // other commerce events carry nothing the recommender uses
            }
        }
    }
}
