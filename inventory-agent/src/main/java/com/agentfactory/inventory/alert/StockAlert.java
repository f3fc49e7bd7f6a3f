package com.agentfactory.inventory.alert;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "stock_alerts")
class StockAlert extends AssignedIdEntity {

    private String sku;
    private String location;

    @Enumerated(EnumType.STRING)
    private StockAlertType type;

    private int available;
    private int reorderPoint;
    private String suggestedAction;
    private Instant raisedAt;

    protected StockAlert() {}

    StockAlert(String sku, String location, StockAlertType type, int available, int reorderPoint, Instant raisedAt) {
        super(UUID.randomUUID());
        this.sku = sku;
        this.location = location;
        this.type = type;
        this.available = available;
        this.reorderPoint = reorderPoint;
        this.suggestedAction = type.suggestedAction();
        this.raisedAt = raisedAt;
    }

    String sku() {
        return sku;
    }

    String location() {
        return location;
    }

    StockAlertType type() {
        return type;
    }

    int available() {
        return available;
    }

    int reorderPoint() {
        return reorderPoint;
    }

    String suggestedAction() {
        return suggestedAction;
    }

    Instant raisedAt() {
        return raisedAt;
    }
}
