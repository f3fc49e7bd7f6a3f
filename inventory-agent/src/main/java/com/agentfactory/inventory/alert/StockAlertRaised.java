package com.agentfactory.inventory.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** The payload of the inventory.alerts message (hence the explicit names). */
record StockAlertRaised(
        @JsonProperty("alert_id") UUID alertId,
        @JsonProperty("sku") String sku,
        @JsonProperty("location") String location,
        @JsonProperty("type") String type,
        @JsonProperty("available") int available,
        @JsonProperty("reorder_point") int reorderPoint,
        @JsonProperty("suggested_action") String suggestedAction,
        @JsonProperty("raised_at") Instant raisedAt) {

    static final String ACTION = "inventory.stock_alert_raised";

    static StockAlertRaised of(StockAlert alert) {
        return new StockAlertRaised(
                alert.getId(),
                alert.sku(),
                alert.location(),
                alert.type().name().toLowerCase(java.util.Locale.ROOT),
                alert.available(),
                alert.reorderPoint(),
                alert.suggestedAction(),
                alert.raisedAt());
    }
}
