package com.agentfactory.inventory.stock;

import java.util.UUID;

/** A reservation still active well after it expired, and the stock row it holds units of. */
record OverdueReservation(UUID id, String sku, String location) {

    ReservationPlace place() {
        return new ReservationPlace(sku, location);
    }
}
