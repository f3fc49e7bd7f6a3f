package com.agentfactory.messaging.commerce;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A placed order; {@code customerId} is null for a guest checkout. */
public record OrderPlaced(
        @JsonProperty("event_id") @NotNull UUID eventId,
        @JsonProperty("occurred_at") @NotNull Instant occurredAt,
        @JsonProperty("order_id") @NotNull UUID orderId,

        @JsonProperty("order_number") @NotBlank @Size(max = 64)
        String orderNumber,

        @JsonProperty("customer_id") UUID customerId,
        @JsonProperty("country") @Size(max = 100) String country,

        @JsonProperty("currency") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency,

        @JsonProperty("lines") @NotEmpty @Size(max = 1000) List<@Valid @NotNull OrderLine> lines)
        implements CommerceEvent {

    /** Stored stripped, as every lookup by number strips the number it is given. */
    public OrderPlaced {
        orderNumber = orderNumber == null ? null : orderNumber.strip();
    }

    public BigDecimal total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public String partitionKey() {
        return orderId.toString();
    }
}
