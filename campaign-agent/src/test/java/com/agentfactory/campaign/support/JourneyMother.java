package com.agentfactory.campaign.support;

import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Journeys and cart events for tests. Each journey only takes customers of one country, so tests stay apart. */
public final class JourneyMother {

    private JourneyMother() {}

    /**
     * A short abandoned-cart journey: wait for an order up to {@code firstWait}, then e-mail, then wait for an
     * order for an hour; an order ends it as converted.
     */
    public static Map<String, Object> abandonedCart(String country, String firstWait) {
        return Map.of(
                "name", "Cart reminder " + UUID.randomUUID(),
                "trigger",
                        Map.of(
                                "type", "event",
                                "event", "cart.abandoned",
                                "conditions",
                                        List.of(
                                                Map.of("field", "country", "operator", "eq", "value", country),
                                                Map.of("field", "cart_value", "operator", "gt", "value", 50))),
                "steps",
                        List.of(
                                Map.of(
                                        "id",
                                        "1",
                                        "type",
                                        "wait",
                                        "event",
                                        "order.placed",
                                        "timeout",
                                        firstWait,
                                        "on_event",
                                        "converted"),
                                Map.of(
                                        "id",
                                        "2",
                                        "type",
                                        "email",
                                        "template",
                                        "abandoned_cart_reminder",
                                        "personalization",
                                        Map.of("discount", "10%")),
                                Map.of(
                                        "id",
                                        "3",
                                        "type",
                                        "wait",
                                        "event",
                                        "order.placed",
                                        "timeout",
                                        "1 hour",
                                        "on_event",
                                        "converted"),
                                Map.of("id", "no_purchase", "type", "end", "reason", "no purchase"),
                                Map.of("id", "converted", "type", "end", "reason", "converted")));
    }

    /** A journey that ends at once with the given reason, for the customers of one country. */
    public static Map<String, Object> endingAt(String country, String reason) {
        return Map.of(
                "name", "Ends at once " + UUID.randomUUID(),
                "trigger",
                        Map.of(
                                "type",
                                "event",
                                "event",
                                "cart.abandoned",
                                "conditions",
                                List.of(Map.of("field", "country", "operator", "eq", "value", country))),
                "steps", List.of(Map.of("id", "end", "type", "end", "reason", reason)));
    }

    public static CartAbandoned cart(UUID customerId, String amount, Instant at) {
        return new CartAbandoned(
                UUID.randomUUID(),
                at,
                customerId,
                "session-" + UUID.randomUUID(),
                "GBP",
                List.of(new OrderLine(UUID.randomUUID(), "SKU-<b>1</b>", 1, new BigDecimal(amount))));
    }
}
