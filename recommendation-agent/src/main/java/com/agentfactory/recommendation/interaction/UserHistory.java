package com.agentfactory.recommendation.interaction;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A user's decayed interest per product, the products they have bought, and the products they interacted
 * with last, oldest first (for next-item models).
 */
public record UserHistory(Map<UUID, Double> weights, Set<UUID> purchased, List<UUID> recent) {

    public boolean isEmpty() {
        return weights.isEmpty();
    }
}
