package com.agentfactory.recommendation.interaction;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A user's decayed interest per product, and the products they have bought. */
public record UserHistory(Map<UUID, Double> weights, Set<UUID> purchased) {

    public boolean isEmpty() {
        return weights.isEmpty();
    }
}
