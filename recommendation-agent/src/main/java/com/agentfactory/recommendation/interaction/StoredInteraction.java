package com.agentfactory.recommendation.interaction;

import java.time.Instant;
import java.util.UUID;

record StoredInteraction(UUID userId, UUID productId, InteractionKind kind, Instant occurredAt) {}
