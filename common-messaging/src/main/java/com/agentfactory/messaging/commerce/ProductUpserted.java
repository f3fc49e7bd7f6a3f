package com.agentfactory.messaging.commerce;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The storefront's product feed.
 *
 * @param unitCost what one unit costs the store, in the price's currency; optional, and where present the source of
 *     the product's margin (price minus cost) that recommendations may favour
 */
public record ProductUpserted(
        @JsonProperty("event_id") @NotNull UUID eventId,
        @JsonProperty("occurred_at") @NotNull Instant occurredAt,
        @JsonProperty("product_id") @NotNull UUID productId,
        @JsonProperty("sku") @NotBlank @Size(max = 64) String sku,
        @JsonProperty("name") @NotBlank @Size(max = 500) String name,
        @JsonProperty("description") @Size(max = 10_000) String description,
        @JsonProperty("category") @Size(max = 200) String category,
        @JsonProperty("price") @NotNull @Valid Money price,
        @JsonProperty("stock_quantity") @PositiveOrZero Integer stockQuantity,
        @JsonProperty("unit_cost") @Valid Money unitCost)
        implements CommerceEvent {

    /** Price minus unit cost, when the feed gave a cost in the price's currency. */
    public Optional<BigDecimal> margin() {
        if (unitCost == null || price == null || !unitCost.currency().equals(price.currency())) {
            return Optional.empty();
        }
        return Optional.of(price.amount().subtract(unitCost.amount()));
    }

    @Override
    public String partitionKey() {
        return productId.toString();
    }
}
