package com.agentfactory.recommendation.interaction;

import java.time.Instant;
import java.util.UUID;

/**
 * How much one interaction still says about a user's interest in a product, after its decay, and when it
 * happened (so the end of the training period can be held out to learn the ensemble weights).
 */
public record DecayedInteraction(UUID userId, UUID productId, double weight, Instant occurredAt) {}
