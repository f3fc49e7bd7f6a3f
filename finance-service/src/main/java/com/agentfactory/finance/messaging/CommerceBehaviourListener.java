package com.agentfactory.finance.messaging;

import com.agentfactory.finance.customer.BehaviorType;
import com.agentfactory.finance.customer.CustomerService;
import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.CheckoutStarted;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.PageViewed;
import com.agentfactory.messaging.commerce.ProductViewed;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.topic.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records the storefront's behaviour events of known customers (guests' have no customer id) as customer
 * behaviours, for the journey funnel and segmentation. Unreadable messages go to commerce.behaviour.dlt.
 */
@Component
class CommerceBehaviourListener {

    static final String CONSUMER = "finance-behaviour";

    private final CommerceEventConsumer commerce;
    private final CustomerService customers;

    CommerceBehaviourListener(CommerceEventConsumer commerce, CustomerService customers) {
        this.commerce = commerce;
        this.customers = customers;
    }

    @KafkaListener(topics = Topics.COMMERCE_BEHAVIOUR, groupId = "finance-behaviour")
    void onBehaviourEvent(ConsumerRecord<String, String> record) {
        commerce.applyOnce(record, CONSUMER, this::record);
    }

    private void record(CommerceEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        UUID customerId;
        String sessionId;
        BehaviorType behaviour;
        switch (event) {
            case PageViewed e -> {
                customerId = e.customerId();
                sessionId = e.sessionId();
                behaviour = BehaviorType.PAGE_VIEW;
                data.put("url", e.url());
            }
            case ProductViewed e -> {
                customerId = e.customerId();
                sessionId = e.sessionId();
                behaviour = BehaviorType.PRODUCT_VIEW;
                data.put("product_id", e.productId().toString());
            }
            case AddedToCart e -> {
                customerId = e.customerId();
                sessionId = e.sessionId();
                behaviour = BehaviorType.ADD_TO_CART;
                data.put("product_id", e.productId().toString());
                data.put("quantity", e.quantity());
            }
            case CheckoutStarted e -> {
                customerId = e.customerId();
                sessionId = e.sessionId();
                behaviour = BehaviorType.CHECKOUT_STARTED;
            }
            case CartAbandoned e -> {
                customerId = e.customerId();
                sessionId = e.sessionId();
                behaviour = BehaviorType.CART_ABANDONED;
                data.put("lines", e.lines().size());
            }
            default -> {
                return;
            }
        }
        // guests' behaviour has no customer to record it for
        if (customerId != null) {
            customers.recordStorefrontBehavior(
                    customerId, behaviour, sessionId, data, event.eventId(), event.occurredAt());
        }
    }
}
