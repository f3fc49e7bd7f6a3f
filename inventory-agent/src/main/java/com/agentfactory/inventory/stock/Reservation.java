package com.agentfactory.inventory.stock;

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

/** Units of one SKU at one warehouse held for a checkout until it is released, expires or the order takes it. */
@Entity
@Table(name = "stock_reservations")
class Reservation implements Persistable<UUID> {

    @Id
    private UUID id;

    private String sku;
    private String location;
    private int quantity;
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    private ReservationStatus status;

    private Instant createdAt;
    private Instant expiresAt;
    private Instant closedAt;

    @Transient
    private boolean isNew;

    protected Reservation() {}

    Reservation(String sku, String location, int quantity, UUID customerId, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.sku = sku;
        this.location = location;
        this.quantity = quantity;
        this.customerId = customerId;
        this.status = ReservationStatus.ACTIVE;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.isNew = true;
    }

    void close(ReservationStatus outcome, Instant at) {
        if (status != ReservationStatus.ACTIVE) {
            throw new ReservationClosedException(id, status);
        }
        this.status = outcome;
        this.closedAt = at;
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

    int quantity() {
        return quantity;
    }

    UUID customerId() {
        return customerId;
    }

    ReservationStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant closedAt() {
        return closedAt;
    }
}
