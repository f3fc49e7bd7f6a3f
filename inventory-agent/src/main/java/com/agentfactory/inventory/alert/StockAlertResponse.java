package com.agentfactory.inventory.alert;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

record StockAlertResponse(
        UUID id,
        String sku,
        String location,
        String type,
        int available,
        int reorderPoint,
        String suggestedAction,
        Instant raisedAt) {

    static StockAlertResponse of(StockAlert alert) {
        return new StockAlertResponse(
                alert.getId(),
                alert.sku(),
                alert.location(),
                alert.type().name().toLowerCase(Locale.ROOT),
                alert.available(),
                alert.reorderPoint(),
                alert.suggestedAction(),
                alert.raisedAt());
    }
}
