package com.agentfactory.messaging.commerce;

import com.agentfactory.messaging.topic.Topics;
import java.util.Arrays;
import java.util.Optional;

/** The wire name, topic and payload record of each commerce event. */
public enum CommerceEventType {
    PRODUCT_UPSERTED("product.upserted", Topics.COMMERCE_PRODUCTS, ProductUpserted.class),
    CUSTOMER_UPSERTED("customer.upserted", Topics.COMMERCE_CUSTOMERS, CustomerUpserted.class),
    ORDER_PLACED("order.placed", Topics.COMMERCE_ORDERS, OrderPlaced.class),
    ORDER_CANCELLED("order.cancelled", Topics.COMMERCE_ORDERS, OrderCancelled.class),
    PAGE_VIEWED("page.viewed", Topics.COMMERCE_BEHAVIOUR, PageViewed.class),
    PRODUCT_VIEWED("product.viewed", Topics.COMMERCE_BEHAVIOUR, ProductViewed.class),
    ADDED_TO_CART("cart.item_added", Topics.COMMERCE_BEHAVIOUR, AddedToCart.class),
    CART_ABANDONED("cart.abandoned", Topics.COMMERCE_BEHAVIOUR, CartAbandoned.class),
    CHECKOUT_STARTED("checkout.started", Topics.COMMERCE_BEHAVIOUR, CheckoutStarted.class);

    private final String wireName;
    private final String topic;
    private final Class<? extends CommerceEvent> payloadType;

    CommerceEventType(String wireName, String topic, Class<? extends CommerceEvent> payloadType) {
        this.wireName = wireName;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends CommerceEvent> payloadType() {
        return payloadType;
    }

    public static Optional<CommerceEventType> fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(wireName))
                .findFirst();
    }

    static CommerceEventType of(Class<?> payloadType) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a commerce event: " + payloadType));
    }
}
