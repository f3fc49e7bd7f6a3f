package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Units of one SKU at one warehouse held for a checkout until it is released, expires or the order takes it. */
@Entity
@Table(name = "stock_reservations")
class Reservation extends AssignedIdEntity {

    private String sku;
    private String location;
    private int quantity;
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    private ReservationStatus status;

    private Instant createdAt;
    private Instant expiresAt;
    private Instant closedAt;

    protected Reservation() {}

    Reservation(String sku, String location, int quantity, UUID customerId, Instant now, Instant expiresAt) {
        super(UUID.randomUUID());
        this.sku = sku;
        this.location = location;
        this.quantity = quantity;
        this.customerId = customerId;
        this.status = ReservationStatus.ACTIVE;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    void close(ReservationStatus outcome, Instant at) {
        if (status != ReservationStatus.ACTIVE) {
            throw new ReservationClosedException(getId(), status);
        }
        this.status = outcome;
        this.closedAt = at;
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
