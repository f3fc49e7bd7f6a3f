package com.agentfactory.recommendation.interaction;

import java.util.UUID;

/**
 * A user's interactions of one kind with one product, summed after their decay but before their kind's weight:
 * the sum over them of {@code 0.5^(age / halfLife)}.
 */
record DecayedTotal(UUID productId, InteractionKind kind, double decayed) {}
