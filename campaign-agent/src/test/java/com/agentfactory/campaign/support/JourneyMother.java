package com.agentfactory.campaign.support;

import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
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
                                                Map.of(
                                                        "field",
                                                        "cart_value",
                                                        "operator",
                                                        "gt",
                                                        "value",
                                                        50,
                                                        "currency",
                                                        "GBP"))),
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

    /**
     * A journey for the customers of one country that takes them straight through one condition step to an end whose
     * reason says how the condition came out: {@code holds} or {@code does not hold}.
     */
    public static Map<String, Object> decidingOn(String country, Map<String, Object> condition) {
        Map<String, Object> step = new LinkedHashMap<>(condition);
        step.putAll(Map.of("id", "decide", "type", "condition", "if_true", "holds", "if_false", "not"));
        return Map.of(
                "name", "Decides " + UUID.randomUUID(),
                "trigger",
                        Map.of(
                                "type",
                                "event",
                                "event",
                                "cart.abandoned",
                                "conditions",
                                List.of(Map.of("field", "country", "operator", "eq", "value", country))),
                "steps",
                        List.of(
                                step,
                                Map.of("id", "holds", "type", "end", "reason", "holds"),
                                Map.of("id", "not", "type", "end", "reason", "does not hold")));
    }

    /** The same, deciding on the customer's engagement score reaching {@code minScore}. */
    public static Map<String, Object> scoring(String country, int minScore) {
        return Map.of(
                "name", "Scores " + UUID.randomUUID(),
                "trigger",
                        Map.of(
                                "type",
                                "event",
                                "event",
                                "cart.abandoned",
                                "conditions",
                                List.of(Map.of("field", "country", "operator", "eq", "value", country))),
                "steps",
                        List.of(
                                Map.of(
                                        "id",
                                        "rank",
                                        "type",
                                        "score",
                                        "min_score",
                                        minScore,
                                        "if_true",
                                        "holds",
                                        "if_false",
                                        "not"),
                                Map.of("id", "holds", "type", "end", "reason", "holds"),
                                Map.of("id", "not", "type", "end", "reason", "does not hold")));
    }

    /** A condition on money: {@code total_spent gt 500 GBP} is {@code money("total_spent", "gt", 500, "GBP")}. */
    public static Map<String, Object> money(String field, String operator, Object value, String currency) {
        return Map.of("field", field, "operator", operator, "value", value, "currency", currency);
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
        return cart(customerId, amount, "GBP", at);
    }

    /** A cart in another currency than the shop's usual GBP. */
    public static CartAbandoned cart(UUID customerId, String amount, String currency, Instant at) {
        return new CartAbandoned(
                UUID.randomUUID(),
                at,
                customerId,
                "session-" + UUID.randomUUID(),
                currency,
                List.of(new OrderLine(UUID.randomUUID(), "SKU-<b>1</b>", 1, new BigDecimal(amount))));
    }
}
