package com.agentfactory.recommendation.interaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The products a customer left in the cart they abandoned last. */
public record AbandonedCart(UUID userId, List<UUID> productIds, Instant abandonedAt) {}
