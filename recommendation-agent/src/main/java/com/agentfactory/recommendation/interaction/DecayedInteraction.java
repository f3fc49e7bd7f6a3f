package com.agentfactory.recommendation.interaction;

import java.util.UUID;

/** How much one interaction still says about a user's interest in a product, after its decay. */
public record DecayedInteraction(UUID userId, UUID productId, double weight) {}
