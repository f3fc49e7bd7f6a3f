package com.agentfactory.recommendation.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ensemble weights of one model version, learned on the end of its training period: one set for
 * customers with a history, one for customers without (who get only the session, content, trending and
 * popularity sources). Scaled to sum to 1. Empty when there was too little data to learn from; serving
 * then uses its configured weights.
 */
public record BlendWeights(Map<String, Double> known, Map<String, Double> fresh, Map<String, Object> validation) {

    public static final BlendWeights NONE = new BlendWeights(Map.of(), Map.of(), Map.of());

    public BlendWeights {
        known = normalised(known);
        fresh = normalised(fresh);
        validation = Map.copyOf(validation);
    }

    public boolean learned() {
        return !known.isEmpty() || !fresh.isEmpty();
    }

    /** The weights for a customer with, or without, a history; falls back to the other set when one is empty. */
    public Map<String, Double> forCustomer(boolean hasHistory) {
        Map<String, Double> chosen = hasHistory ? known : fresh;
        return chosen.isEmpty() ? (hasHistory ? fresh : known) : chosen;
    }

    private static Map<String, Double> normalised(Map<String, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> scaled = new LinkedHashMap<>();
        if (sum > 0) {
            weights.forEach((source, weight) -> scaled.put(source, Math.round(weight / sum * 10_000) / 10_000.0));
        }
        return java.util.Collections.unmodifiableMap(scaled);
    }
}
