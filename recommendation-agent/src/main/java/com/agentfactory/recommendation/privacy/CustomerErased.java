package com.agentfactory.recommendation.privacy;

import java.util.UUID;

/**
 * Published inside an erasure's transaction, after the customer's rows are deleted, to whatever keeps a copy of the
 * customer's data outside the database. Such a copy must not fail the erasure: a listener records in the transaction
 * what it has to drop, so that it is dropped after the commit or, failing that, later.
 */
public record CustomerErased(UUID customerId) {}
