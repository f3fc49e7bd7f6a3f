package com.agentfactory.inventory.stock;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A SKU's stock at one warehouse after a change; the payload of the inventory.stock message (hence the explicit
 * names), and the in-process event the alerts follow.
 */
public record StockLevelChanged(
        @JsonProperty("sku") String sku,
        @JsonProperty("location") String location,
        @JsonProperty("available") int available,
        @JsonProperty("on_hand") int onHand,
        @JsonProperty("occurred_at") Instant occurredAt) {

    public static final String ACTION = "inventory.stock_level_changed";
}
