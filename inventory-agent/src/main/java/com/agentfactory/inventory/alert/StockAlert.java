package com.agentfactory.inventory.alert;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "stock_alerts")
class StockAlert implements Persistable<UUID> {

    @Id
    private UUID id;

    private String sku;
    private String location;

    @Enumerated(EnumType.STRING)
    private StockAlertType type;

    private int available;
    private int reorderPoint;
    private String suggestedAction;
    private Instant raisedAt;

    @Transient
    private boolean isNew;

    protected StockAlert() {}

    StockAlert(String sku, String location, StockAlertType type, int available, int reorderPoint, Instant raisedAt) {
        this.id = UUID.randomUUID();
        this.sku = sku;
        this.location = location;
        this.type = type;
        this.available = available;
        this.reorderPoint = reorderPoint;
        this.suggestedAction = type.suggestedAction();
        this.raisedAt = raisedAt;
        this.isNew = true;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
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
