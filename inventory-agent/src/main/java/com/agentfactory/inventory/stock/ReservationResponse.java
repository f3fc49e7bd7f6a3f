package com.agentfactory.inventory.stock;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

record ReservationResponse(
        UUID id,
        String sku,
        String location,
        int quantity,
        UUID customerId,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Instant closedAt) {

    static ReservationResponse of(Reservation reservation) {
        return new ReservationResponse(
                reservation.getId(),
                reservation.sku(),
                reservation.location(),
                reservation.quantity(),
                reservation.customerId(),
                reservation.status().name().toLowerCase(Locale.ROOT),
                reservation.createdAt(),
                reservation.expiresAt(),
                reservation.closedAt());
    }

    // the pseudonym an erased customer's checkout holds under is linked to their id: the caller gets neither
    ReservationResponse withoutCustomer() {
        return new ReservationResponse(id, sku, location, quantity, null, status, createdAt, expiresAt, closedAt);
    }
}
