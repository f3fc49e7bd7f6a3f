package com.agentfactory.campaign.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.commerce.CartAbandoned;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Journeys, their steps and segments, and cart events for tests. Each journey only takes customers of one country, or
 * only the test's own enrolments, so tests stay apart.
 */
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
                        cartAbandonedIn(
                                country,
                                Map.of("field", "cart_value", "operator", "gt", "value", 50, "currency", "GBP")),
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
     * A cart journey that rewards each of two orders: it waits an hour for a first order, e-mails ({@code first_reward}),
     * then waits {@code secondWait} for a second order and e-mails again ({@code second_reward}). It ends as {@code no
     * order}, {@code one order} or {@code two orders}.
     */
    public static Map<String, Object> rewardingTwoOrders(String country, String secondWait) {
        return Map.of(
                "name", "Two orders " + UUID.randomUUID(),
                "trigger", cartAbandonedIn(country),
                "steps",
                        List.of(
                                orderWait("first_order", "1 hour", "first_reward"),
                                end("no_first_order", "no order"),
                                reward("first_reward"),
                                orderWait("second_order", secondWait, "second_reward"),
                                end("no_second_order", "one order"),
                                reward("second_reward"),
                                end("rewarded_twice", "two orders")));
    }

    /**
     * A journey for the customers of one country that an order of theirs starts, and that waits an hour for another
     * order: it ends as {@code ordered again} or {@code no further order}.
     */
    public static Map<String, Object> awaitingAnotherOrder(String country) {
        return Map.of(
                "name", "Another order " + UUID.randomUUID(),
                "trigger",
                        Map.of(
                                "type",
                                "event",
                                "event",
                                "order.placed",
                                "conditions",
                                List.of(Map.of("field", "country", "operator", "eq", "value", country))),
                "steps",
                        List.of(
                                orderWait("next_order", "1 hour", "ordered_again"),
                                end("no_further_order", "no further order"),
                                end("ordered_again", "ordered again")));
    }

    /** The trigger of a journey for one country's customers: a cart they abandoned that meets the conditions too. */
    @SafeVarargs
    private static Map<String, Object> cartAbandonedIn(String country, Map<String, Object>... moreConditions) {
        List<Map<String, Object>> conditions = new ArrayList<>();
        conditions.add(Map.of("field", "country", "operator", "eq", "value", country));
        conditions.addAll(List.of(moreConditions));
        return Map.of("type", "event", "event", "cart.abandoned", "conditions", conditions);
    }

    private static Map<String, Object> orderWait(String id, String timeout, String onOrder) {
        return Map.of("id", id, "type", "wait", "event", "order.placed", "timeout", timeout, "on_event", onOrder);
    }

    private static Map<String, Object> reward(String id) {
        return Map.of(
                "id",
                id,
                "type",
                "email",
                "template",
                "abandoned_cart_reminder",
                "personalization",
                Map.of("discount", "10%"));
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
                "trigger", cartAbandonedIn(country),
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
                "trigger", cartAbandonedIn(country),
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
                "trigger", cartAbandonedIn(country),
                "steps", List.of(Map.of("id", "end", "type", "end", "reason", reason)));
    }

    /** A journey that only the test's own enrolments run, its name made unique, its steps in the order given. */
    @SafeVarargs
    public static Map<String, Object> enrolledByHand(Api api, String name, Map<String, Object>... steps) {
        return enrolledByHand(api, name, List.of(steps));
    }

    public static Map<String, Object> enrolledByHand(Api api, String name, List<Map<String, Object>> steps) {
        return Map.of(
                "name", name + " " + UUID.randomUUID(), "trigger", SmsJourneys.enrolledByHandOnly(api), "steps", steps);
    }

    /** A split step sending each customer down one of the branches, in proportion to the branches' weights. */
    @SafeVarargs
    public static Map<String, Object> split(String id, Map<String, Object>... branches) {
        return Map.of("id", id, "type", "split", "branches", List.of(branches));
    }

    /** A split step that keeps the weights' proportion within each stratum (a segment's id) and among the rest. */
    @SafeVarargs
    public static Map<String, Object> stratifiedSplit(String id, List<String> strata, Map<String, Object>... branches) {
        return Map.of("id", id, "type", "split", "strata", strata, "branches", List.of(branches));
    }

    public static Map<String, Object> branch(String name, int weight, String next) {
        return Map.of("name", name, "weight", weight, "next", next);
    }

    /** A branch whose customers get nothing: the control an experiment compares the messaged with. */
    public static Map<String, Object> holdout(String name, int weight, String next) {
        return Map.of("name", name, "weight", weight, "next", next, "holdout", true);
    }

    public static Map<String, Object> end(String id) {
        return Map.of("id", id, "type", "end");
    }

    public static Map<String, Object> end(String id, String reason) {
        return Map.of("id", id, "type", "end", "reason", reason);
    }

    /** Creates the journey through the API and activates it; returns its id. */
    public static UUID createActive(Api api, Map<String, Object> definition) {
        Response created = api.post("/api/v1/campaigns/journeys", definition);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.text("/id");
        Response activated = api.post("/api/v1/campaigns/journeys/" + id + "/activate", Map.of());
        assertThat(activated.status()).as(String.valueOf(activated.body())).isEqualTo(200);
        return UUID.fromString(id);
    }

    /** Creates a segment of the customers of one country, for a journey's trigger or a split's strata; its id. */
    public static String countrySegment(Api api, String name, String country) {
        Response segment = api.post(
                "/api/v1/campaigns/segments",
                Map.of(
                        "name",
                        name + " " + UUID.randomUUID(),
                        "rules",
                        Map.of("field", "country", "op", "eq", "value", country)));
        assertThat(segment.status()).as(String.valueOf(segment.body())).isEqualTo(201);
        return segment.text("/id");
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
