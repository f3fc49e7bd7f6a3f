package com.agentfactory.messaging.commerce;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

public record CustomerUpserted(
        @JsonProperty("event_id") @NotNull UUID eventId,
        @JsonProperty("occurred_at") @NotNull Instant occurredAt,
        @JsonProperty("customer_id") @NotNull UUID customerId,
        @JsonProperty("customer_number") @Size(max = 64) String customerNumber,
        @JsonProperty("email") @Email @Size(max = 320) String email,
        @JsonProperty("country") @Size(max = 100) String country)
        implements CommerceEvent {

    @Override
    public String partitionKey() {
        return customerId.toString();
    }
}
