package com.agentfactory.campaign.journey;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a journey's conditions and score steps look at for one customer: the values conditions compare (the customer
 * read model's fields by their segment names, what the trigger brought such as the cart, and the derived
 * {@code purchased_last_24h} and {@code score}), and what the customer paid in each currency, which is all a condition
 * on {@code total_spent} compares, in the currency it names.
 *
 * @param spent by ISO 4217 code, what the customer paid in the currency, net of cancellations
 */
record CustomerFacts(Map<String, Object> values, Map<String, BigDecimal> spent) {

    CustomerFacts {
        // a trigger's context is JSON from outside, which may hold nulls
        values = Collections.unmodifiableMap(new HashMap<>(values));
        spent = Map.copyOf(spent);
    }

    Object value(String field) {
        return values.get(field);
    }

    /** What the customer paid in the currency, net of cancellations; empty when they have no order in it. */
    Optional<BigDecimal> spentIn(String currency) {
        return Optional.ofNullable(spent.get(currency));
    }

    int score() {
        return values.get("score") instanceof Integer score ? score : 0;
    }
}
