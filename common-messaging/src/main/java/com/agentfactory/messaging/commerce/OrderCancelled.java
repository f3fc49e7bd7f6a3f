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

/**
 * An order, or part of one, cancelled or refunded. The lines say what was taken back; the original
 * order may be unknown (the storefront's cancellation notes do not always name it).
 */
public record OrderCancelled(
        @JsonProperty("event_id") @NotNull UUID eventId,
        @JsonProperty("occurred_at") @NotNull Instant occurredAt,
        @JsonProperty("order_id") @NotNull UUID orderId,

        @JsonProperty("cancellation_number") @NotBlank @Size(max = 64)
        String cancellationNumber,

        @JsonProperty("original_order_number") @Size(max = 64)
        String originalOrderNumber,

        @JsonProperty("customer_id") UUID customerId,
        @JsonProperty("refunded") boolean refunded,
        @JsonProperty("reason") @Size(max = 1000) String reason,

        @JsonProperty("currency") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency,

        @JsonProperty("lines") @NotEmpty @Size(max = 1000) List<@Valid @NotNull OrderLine> lines)
        implements CommerceEvent {

    /**
     * A blank original number names no order, as a missing one does: kept as text, it would be looked for as an
     * order number no order has, and the cancellation would never be taken off the customer's orders. Order numbers
     * are compared stripped everywhere.
     */
    public OrderCancelled {
        originalOrderNumber =
                originalOrderNumber == null || originalOrderNumber.isBlank() ? null : originalOrderNumber.strip();
    }

    public BigDecimal total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public String partitionKey() {
        return orderId.toString();
    }
}
