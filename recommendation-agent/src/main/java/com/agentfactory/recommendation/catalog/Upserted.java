package com.agentfactory.recommendation.catalog;

/** What an upsert of the feed did to the product. */
enum Upserted {
    /** Nothing: a later upsert of the product was applied already. */
    OLDER,
    /** Applied, with the product's listing as it was: only its stock or description may have changed. */
    LISTING_KEPT,
    /** Applied to a new product, or to one whose name, category, price, currency or margin it changed. */
    LISTING_CHANGED
}
