package com.agentfactory.inventory.stock;

/** Only an ACTIVE reservation holds stock; the other three are final. */
enum ReservationStatus {
    ACTIVE,
    RELEASED,
    EXPIRED,
    COMMITTED
}
