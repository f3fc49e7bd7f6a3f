package com.agentfactory.messaging.commerce;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

public record ProductUpserted(
        @JsonProperty("event_id") @NotNull UUID eventId,
        @JsonProperty("occurred_at") @NotNull Instant occurredAt,
        @JsonProperty("product_id") @NotNull UUID productId,
        @JsonProperty("sku") @NotBlank @Size(max = 64) String sku,
        @JsonProperty("name") @NotBlank @Size(max = 500) String name,
        @JsonProperty("description") @Size(max = 10_000) String description,
        @JsonProperty("category") @Size(max = 200) String category,
        @JsonProperty("price") @NotNull @Valid Money price,
        @JsonProperty("stock_quantity") @PositiveOrZero Integer stockQuantity)
        implements CommerceEvent {

    @Override
    public String partitionKey() {
        return productId.toString();
    }
}
