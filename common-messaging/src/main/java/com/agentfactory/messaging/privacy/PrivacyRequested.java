package com.agentfactory.messaging.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's export or erasure request, published once on {@code privacy.requests} (keyed by the request) and read
 * by every service that holds personal data, each in its own consumer group.
 */
public record PrivacyRequested(
        @JsonProperty("request_id") UUID requestId,
        @JsonProperty("customer_id") UUID customerId,
        @JsonProperty("action") PrivacyAction action) {

    /** The envelope action these requests travel under. */
    public static final String ACTION = "privacy_requested";

    public PrivacyRequested {
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(customerId, "customer_id");
        Objects.requireNonNull(action, "action");
    }
}
