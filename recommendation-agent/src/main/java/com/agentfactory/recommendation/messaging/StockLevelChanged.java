package com.agentfactory.recommendation.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A SKU's stock at one warehouse after a change, as the inventory agent publishes it on inventory.stock. The type is
 * the inventory agent's own (not in the shared messaging module), so this reader keeps its copy of the wire shape;
 * fields it does not need (on hand) are left out.
 */
record StockLevelChanged(
        @JsonProperty("sku") String sku,
        @JsonProperty("location") String location,
        @JsonProperty("available") int available,
        @JsonProperty("occurred_at") Instant occurredAt) {

    static final String ACTION = "inventory.stock_level_changed";
}
