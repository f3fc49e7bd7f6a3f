package com.agentfactory.messaging.commerce;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

public record ProductViewed(
        @JsonProperty("event_id") @NotNull UUID eventId,
        @JsonProperty("occurred_at") @NotNull Instant occurredAt,
        @JsonProperty("customer_id") UUID customerId,

        @JsonProperty("session_id") @NotBlank @Size(max = 128)
        String sessionId,

        @JsonProperty("product_id") @NotNull UUID productId)
        implements CommerceEvent {

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
