package com.agentfactory.recommendation.privacy;

import java.util.UUID;

/**
 * Published inside an erasure's transaction, before it commits, to whatever keeps a copy of the customer's data
 * outside the database: a listener that cannot drop its copy throws, which fails the erasure so it is retried rather
 * than reported done.
 */
public record CustomerErased(UUID customerId) {}
