package com.agentfactory.messaging.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened in the storefront. The event id is the storefront's own: it becomes the
 * envelope's message id, so every consumer's idempotency check rests on it.
 */
public sealed interface CommerceEvent
        permits ProductUpserted,
                CustomerUpserted,
                OrderPlaced,
                OrderCancelled,
                PageViewed,
                ProductViewed,
                AddedToCart,
                CartAbandoned,
                CheckoutStarted {

    UUID eventId();

    Instant occurredAt();

    /** The key that keeps one entity's events in order on its topic. */
    String partitionKey();

    default CommerceEventType type() {
        return CommerceEventType.of(getClass());
    }
}
