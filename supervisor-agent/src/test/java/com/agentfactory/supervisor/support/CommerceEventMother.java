package com.agentfactory.supervisor.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Storefront and back-office events as the shop posts them, each with fresh ids, for tests to change and send. */
public final class CommerceEventMother {

    private CommerceEventMother() {}

    /** The white metal lantern (SKU 71053) at 3.39 GBP, under a new product id. */
    public static Map<String, Object> productUpserted() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "product.upserted");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", "2010-12-01T08:26:00Z");
        event.put("product_id", UUID.randomUUID().toString());
        event.put("sku", "71053");
        event.put("name", "White metal lantern");
        event.put("category", "lighting");
        event.put("price", Map.of("amount", "3.39", "currency", "GBP"));
        return event;
    }

    /** The customer viewing some product in a session of their own. */
    public static Map<String, Object> productViewed(UUID customerId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "product.viewed");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", "2010-12-01T08:26:00Z");
        event.put("customer_id", customerId.toString());
        event.put("session_id", "session-" + UUID.randomUUID());
        event.put("product_id", UUID.randomUUID().toString());
        return event;
    }
}
