package com.agentfactory.messaging.commerce;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record CartAbandoned(
        @JsonProperty("event_id") @NotNull UUID eventId,
        @JsonProperty("occurred_at") @NotNull Instant occurredAt,
        @JsonProperty("customer_id") UUID customerId,

        @JsonProperty("session_id") @NotBlank @Size(max = 128)
        String sessionId,

        @JsonProperty("currency") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency,

        @JsonProperty("lines") @NotEmpty @Size(max = 1000) List<@Valid @NotNull OrderLine> lines)
        implements CommerceEvent {

    @Override
    public String partitionKey() {
        return sessionId;
    }
}
