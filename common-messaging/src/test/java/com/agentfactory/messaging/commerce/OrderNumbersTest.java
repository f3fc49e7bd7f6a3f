package com.agentfactory.messaging.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderNumbersTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void readsABlankOriginalOrderNumberAsNoOrder() {
        OrderCancelled read = codec.fromTree(codec.toTree(cancellation("  ")), OrderCancelled.class);

        assertThat(read.originalOrderNumber()).isNull();
    }

    @Test
    void stripsTheOriginalOrderNumberOfACancellation() {
        OrderCancelled read = codec.fromTree(codec.toTree(cancellation(" 536397 ")), OrderCancelled.class);

        assertThat(read.originalOrderNumber()).isEqualTo("536397");
    }

    @Test
    void stripsTheNumberOfAPlacedOrder() {
        Map<String, Object> order = event();
        order.put("order_number", "\t536397 ");

        OrderPlaced read = codec.fromTree(codec.toTree(order), OrderPlaced.class);

        assertThat(read.orderNumber()).isEqualTo("536397");
    }

    private static Map<String, Object> cancellation(String originalOrderNumber) {
        Map<String, Object> cancellation = event();
        cancellation.put("cancellation_number", "C536398");
        cancellation.put("original_order_number", originalOrderNumber);
        cancellation.put("refunded", true);
        return cancellation;
    }

    private static Map<String, Object> event() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", "2011-08-01T10:00:00Z");
        event.put("order_id", UUID.randomUUID().toString());
        event.put("customer_id", UUID.randomUUID().toString());
        event.put("currency", "GBP");
        event.put(
                "lines",
                List.of(Map.of(
                        "product_id",
                        UUID.randomUUID().toString(),
                        "sku",
                        "85123A",
                        "quantity",
                        2,
                        "unit_price",
                        "2.55")));
        return event;
    }
}
