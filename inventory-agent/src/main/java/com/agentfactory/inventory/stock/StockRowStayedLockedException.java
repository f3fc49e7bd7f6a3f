package com.agentfactory.inventory.stock;

import java.time.Duration;

/**
 * The stock row of a reservation being expired stayed locked for as long as the expiry would wait for it; nothing was
 * changed. Only that wait throws it: a lock failure later in the expiry is not a held stock row, and is not reported
 * as one.
 */
class StockRowStayedLockedException extends RuntimeException {

    StockRowStayedLockedException(ReservationPlace place, Duration lockWait, Throwable cause) {
        super("Stock row " + place.sku() + " at " + place.location() + " stayed locked for " + lockWait, cause);
    }
}
