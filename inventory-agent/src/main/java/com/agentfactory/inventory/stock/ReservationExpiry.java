package com.agentfactory.inventory.stock;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back what checkouts held longer than the reservation time: placed orders name no reservation, so one
 * their customer's order did not take would otherwise hold stock for ever.
 */
@Component
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final ReservationService reservations;

    ReservationExpiry(ReservationService reservations) {
        this.reservations = reservations;
    }

    @Scheduled(fixedDelayString = "${agentfactory.inventory.expiry-sweep-interval:5s}")
    void expireDue() {
        for (UUID id : reservations.due()) {
            try {
                reservations.expire(id);
            } catch (ReservationClosedException e) {
                // released or taken by an order since it was found due: nothing left to give back
                log.debug("reservation {} closed before it expired", id);
            }
        }
    }
}
