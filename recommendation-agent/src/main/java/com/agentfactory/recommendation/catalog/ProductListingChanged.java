package com.agentfactory.recommendation.catalog;

import java.util.UUID;

/**
 * Published when a product is new or what a list shows of it or ranks it by (name, category, price, currency, margin)
 * may have changed, so lists computed before can be left unserved once the change is committed.
 */
public record ProductListingChanged(UUID productId) {}
