package com.agentfactory.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object Mother for the storefront events the end-to-end tests send through the gateway, as the replay sends them. */
final class CommerceEvents {

    private CommerceEvents() {}

    /** A product in the catalog with this much stock, announced long enough ago to have a sales history after it. */
    static Map<String, Object> product(String sku, String name, String category, String price, int stock) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "product.upserted");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", Instant.now().minus(40, ChronoUnit.DAYS).toString());
        event.put("product_id", UUID.randomUUID().toString());
        event.put("sku", sku);
        event.put("name", name);
        event.put("description", name + ", from the end-to-end catalog");
        event.put("category", category);
        event.put("price", Map.of("amount", price, "currency", "GBP"));
        event.put("stock_quantity", stock);
        return event;
    }

    /** A storefront customer's account, now, in the United Kingdom. */
    static Map<String, Object> customer(UUID customerId, String email) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "customer.upserted");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", Instant.now().toString());
        event.put("customer_id", customerId.toString());
        event.put("customer_number", "C-" + customerId.toString().substring(0, 8));
        event.put("email", email);
        event.put("country", "United Kingdom");
        return event;
    }

    /** A one-line order of a new guest customer in pounds. */
    static Map<String, Object> order(String sku, int quantity, Instant at) {
        return orderOf(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), sku, quantity, at);
    }

    /** A one-line order in pounds of this customer, at 3.39 a unit. */
    static Map<String, Object> orderOf(
            UUID customerId, UUID orderId, UUID productId, String sku, int quantity, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "order.placed");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", at.toString());
        event.put("order_id", orderId.toString());
        event.put("order_number", "E" + UUID.randomUUID().toString().substring(0, 8));
        event.put("customer_id", customerId.toString());
        event.put("country", "United Kingdom");
        event.put("currency", "GBP");
        event.put(
                "lines",
                List.of(Map.of(
                        "product_id", productId.toString(), "sku", sku, "quantity", quantity, "unit_price", "3.39")));
        return event;
    }

    /** A signed-in customer looking at a product on the storefront, now. */
    static Map<String, Object> productView(UUID customerId, UUID productId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "product.viewed");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", Instant.now().toString());
        event.put("customer_id", customerId.toString());
        event.put("session_id", "session-" + customerId);
        event.put("product_id", productId.toString());
        return event;
    }
}
